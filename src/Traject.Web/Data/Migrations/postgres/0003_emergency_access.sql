-- 0003 emergency access (break the glass) and in-app notifications (PostgreSQL).
CREATE TABLE "Notifications" (
    "Id" uuid NOT NULL,
    "RecipientId" uuid NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "Kind" character varying(64) NOT NULL,
    "Message" character varying(1000) NOT NULL,
    "Link" character varying(300),
    "ReadAt" timestamp with time zone,
    CONSTRAINT "PK_Notifications" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Notifications_AspNetUsers_RecipientId" FOREIGN KEY ("RecipientId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "EmergencyAccesses" (
    "Id" uuid NOT NULL,
    "TrajectoryId" uuid NOT NULL,
    "ProfessionalId" uuid NOT NULL,
    "OrganisationId" uuid NOT NULL,
    "Reason" character varying(1000) NOT NULL,
    "GrantedAt" timestamp with time zone NOT NULL,
    "ExpiresAt" timestamp with time zone NOT NULL,
    "ReviewedAt" timestamp with time zone,
    "ReviewedById" uuid,
    "Version" bigint NOT NULL,
    CONSTRAINT "PK_EmergencyAccesses" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_EmergencyAccesses_AspNetUsers_ProfessionalId" FOREIGN KEY ("ProfessionalId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_EmergencyAccesses_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_EmergencyAccesses_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_EmergencyAccesses_OrganisationId" ON "EmergencyAccesses" ("OrganisationId");

CREATE INDEX "IX_EmergencyAccesses_ProfessionalId_TrajectoryId_ExpiresAt" ON "EmergencyAccesses" ("ProfessionalId", "TrajectoryId", "ExpiresAt");

CREATE INDEX "IX_EmergencyAccesses_TrajectoryId_GrantedAt" ON "EmergencyAccesses" ("TrajectoryId", "GrantedAt");

CREATE INDEX "IX_Notifications_RecipientId_CreatedAt" ON "Notifications" ("RecipientId", "CreatedAt");
