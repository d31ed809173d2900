-- 0014 warm hand-overs (checklist, joint meeting, acceptance; the leaving team's memberships end by the hand-over), aftercare plans and follow-up contacts (PostgreSQL).
ALTER TABLE "CareTeamMemberships" ADD COLUMN "EndsByHandoverId" uuid;

CREATE TABLE "FollowUpContacts" (
    "Id" uuid NOT NULL,
    "TrajectoryId" uuid NOT NULL,
    "Months" integer NOT NULL,
    "DueOn" date NOT NULL,
    "TaskId" uuid NOT NULL,
    "Outcome" character varying(16),
    "Note" character varying(2000),
    "RecordedAt" timestamp with time zone,
    "RecordedById" uuid,
    "Version" bigint NOT NULL,
    CONSTRAINT "PK_FollowUpContacts" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_FollowUpContacts_CareTasks_TaskId" FOREIGN KEY ("TaskId") REFERENCES "CareTasks" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_FollowUpContacts_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AftercarePlans" (
    "Id" uuid NOT NULL,
    "TrajectoryId" uuid NOT NULL,
    "PlacementId" uuid,
    "StartsOn" date NOT NULL,
    "Months" integer NOT NULL,
    "ContactFrequency" character varying(16) NOT NULL,
    "TrustedProfessionalId" uuid NOT NULL,
    "RecordedAt" timestamp with time zone NOT NULL,
    "RecordedById" uuid NOT NULL,
    "Version" bigint NOT NULL,
    CONSTRAINT "PK_AftercarePlans" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_AftercarePlans_AspNetUsers_TrustedProfessionalId" FOREIGN KEY ("TrustedProfessionalId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AftercarePlans_Placements_PlacementId" FOREIGN KEY ("PlacementId") REFERENCES "Placements" ("Id"),
    CONSTRAINT "FK_AftercarePlans_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Handovers" (
    "Id" uuid NOT NULL,
    "TrajectoryId" uuid NOT NULL,
    "FromPlacementId" uuid,
    "Destination" character varying(16) NOT NULL,
    "FromOrganisationId" uuid NOT NULL,
    "ToOrganisationId" uuid NOT NULL,
    "ToProfessionalId" uuid NOT NULL,
    "ReceivingRole" character varying(32) NOT NULL,
    "Status" character varying(16) NOT NULL,
    "ProposedAt" timestamp with time zone NOT NULL,
    "ProposedById" uuid NOT NULL,
    "MeetingOn" date,
    "MeetingParticipants" character varying(500),
    "DecidedAt" timestamp with time zone,
    "DecidedById" uuid,
    "RefusalReason" character varying(1000),
    "LeavingAccessUntil" date,
    "ChangedAt" timestamp with time zone NOT NULL,
    "Version" bigint NOT NULL,
    CONSTRAINT "PK_Handovers" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Handovers_AspNetUsers_ToProfessionalId" FOREIGN KEY ("ToProfessionalId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Handovers_Organisations_FromOrganisationId" FOREIGN KEY ("FromOrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Handovers_Organisations_ToOrganisationId" FOREIGN KEY ("ToOrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Handovers_Placements_FromPlacementId" FOREIGN KEY ("FromPlacementId") REFERENCES "Placements" ("Id"),
    CONSTRAINT "FK_Handovers_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AftercareSupport" (
    "Id" uuid NOT NULL,
    "PlanId" uuid NOT NULL,
    "Kind" character varying(16) NOT NULL,
    "Note" character varying(500),
    CONSTRAINT "PK_AftercareSupport" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_AftercareSupport_AftercarePlans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "AftercarePlans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "HandoverChecklistItems" (
    "Id" uuid NOT NULL,
    "HandoverId" uuid NOT NULL,
    "Item" character varying(32) NOT NULL,
    "Note" character varying(1000),
    "ConfirmedAt" timestamp with time zone,
    "ConfirmedById" uuid,
    CONSTRAINT "PK_HandoverChecklistItems" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_HandoverChecklistItems_Handovers_HandoverId" FOREIGN KEY ("HandoverId") REFERENCES "Handovers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AftercarePlans_PlacementId" ON "AftercarePlans" ("PlacementId");

CREATE UNIQUE INDEX "IX_AftercarePlans_TrajectoryId" ON "AftercarePlans" ("TrajectoryId");

CREATE INDEX "IX_AftercarePlans_TrustedProfessionalId" ON "AftercarePlans" ("TrustedProfessionalId");

CREATE UNIQUE INDEX "IX_AftercareSupport_PlanId_Kind" ON "AftercareSupport" ("PlanId", "Kind");

CREATE INDEX "IX_FollowUpContacts_TaskId" ON "FollowUpContacts" ("TaskId");

CREATE UNIQUE INDEX "IX_FollowUpContacts_TrajectoryId_Months" ON "FollowUpContacts" ("TrajectoryId", "Months");

CREATE UNIQUE INDEX "IX_HandoverChecklistItems_HandoverId_Item" ON "HandoverChecklistItems" ("HandoverId", "Item");

CREATE INDEX "IX_Handovers_FromOrganisationId" ON "Handovers" ("FromOrganisationId");

CREATE INDEX "IX_Handovers_FromPlacementId" ON "Handovers" ("FromPlacementId");

CREATE INDEX "IX_Handovers_ToOrganisationId" ON "Handovers" ("ToOrganisationId");

CREATE INDEX "IX_Handovers_ToProfessionalId_Status" ON "Handovers" ("ToProfessionalId", "Status");

CREATE INDEX "IX_Handovers_TrajectoryId_Status" ON "Handovers" ("TrajectoryId", "Status");
