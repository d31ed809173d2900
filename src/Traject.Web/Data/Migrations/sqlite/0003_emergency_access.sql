-- 0003 emergency access (break the glass) and in-app notifications (SQLite).
CREATE TABLE "Notifications" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Notifications" PRIMARY KEY,
    "RecipientId" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Message" TEXT NOT NULL,
    "Link" TEXT NULL,
    "ReadAt" INTEGER NULL,
    CONSTRAINT "FK_Notifications_AspNetUsers_RecipientId" FOREIGN KEY ("RecipientId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "EmergencyAccesses" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EmergencyAccesses" PRIMARY KEY,
    "TrajectoryId" TEXT NOT NULL,
    "ProfessionalId" TEXT NOT NULL,
    "OrganisationId" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "GrantedAt" INTEGER NOT NULL,
    "ExpiresAt" INTEGER NOT NULL,
    "ReviewedAt" INTEGER NULL,
    "ReviewedById" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_EmergencyAccesses_AspNetUsers_ProfessionalId" FOREIGN KEY ("ProfessionalId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_EmergencyAccesses_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_EmergencyAccesses_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_EmergencyAccesses_OrganisationId" ON "EmergencyAccesses" ("OrganisationId");

CREATE INDEX "IX_EmergencyAccesses_ProfessionalId_TrajectoryId_ExpiresAt" ON "EmergencyAccesses" ("ProfessionalId", "TrajectoryId", "ExpiresAt");

CREATE INDEX "IX_EmergencyAccesses_TrajectoryId_GrantedAt" ON "EmergencyAccesses" ("TrajectoryId", "GrantedAt");

CREATE INDEX "IX_Notifications_RecipientId_CreatedAt" ON "Notifications" ("RecipientId", "CreatedAt");
