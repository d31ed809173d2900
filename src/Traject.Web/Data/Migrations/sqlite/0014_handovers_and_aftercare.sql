-- 0014 warm hand-overs (checklist, joint meeting, acceptance; the leaving team's memberships end by the hand-over), aftercare plans and follow-up contacts (SQLite).
ALTER TABLE "CareTeamMemberships" ADD COLUMN "EndsByHandoverId" TEXT NULL;

CREATE TABLE "FollowUpContacts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_FollowUpContacts" PRIMARY KEY,
    "TrajectoryId" TEXT NOT NULL,
    "Months" INTEGER NOT NULL,
    "DueOn" TEXT NOT NULL,
    "TaskId" TEXT NOT NULL,
    "Outcome" TEXT NULL,
    "Note" TEXT NULL,
    "RecordedAt" INTEGER NULL,
    "RecordedById" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_FollowUpContacts_CareTasks_TaskId" FOREIGN KEY ("TaskId") REFERENCES "CareTasks" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_FollowUpContacts_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AftercarePlans" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AftercarePlans" PRIMARY KEY,
    "TrajectoryId" TEXT NOT NULL,
    "PlacementId" TEXT NULL,
    "StartsOn" TEXT NOT NULL,
    "Months" INTEGER NOT NULL,
    "ContactFrequency" TEXT NOT NULL,
    "TrustedProfessionalId" TEXT NOT NULL,
    "RecordedAt" INTEGER NOT NULL,
    "RecordedById" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_AftercarePlans_AspNetUsers_TrustedProfessionalId" FOREIGN KEY ("TrustedProfessionalId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AftercarePlans_Placements_PlacementId" FOREIGN KEY ("PlacementId") REFERENCES "Placements" ("Id"),
    CONSTRAINT "FK_AftercarePlans_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Handovers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Handovers" PRIMARY KEY,
    "TrajectoryId" TEXT NOT NULL,
    "FromPlacementId" TEXT NULL,
    "Destination" TEXT NOT NULL,
    "FromOrganisationId" TEXT NOT NULL,
    "ToOrganisationId" TEXT NOT NULL,
    "ToProfessionalId" TEXT NOT NULL,
    "ReceivingRole" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "ProposedAt" INTEGER NOT NULL,
    "ProposedById" TEXT NOT NULL,
    "MeetingOn" TEXT NULL,
    "MeetingParticipants" TEXT NULL,
    "DecidedAt" INTEGER NULL,
    "DecidedById" TEXT NULL,
    "RefusalReason" TEXT NULL,
    "LeavingAccessUntil" TEXT NULL,
    "ChangedAt" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Handovers_AspNetUsers_ToProfessionalId" FOREIGN KEY ("ToProfessionalId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Handovers_Organisations_FromOrganisationId" FOREIGN KEY ("FromOrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Handovers_Organisations_ToOrganisationId" FOREIGN KEY ("ToOrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Handovers_Placements_FromPlacementId" FOREIGN KEY ("FromPlacementId") REFERENCES "Placements" ("Id"),
    CONSTRAINT "FK_Handovers_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AftercareSupport" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AftercareSupport" PRIMARY KEY,
    "PlanId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_AftercareSupport_AftercarePlans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "AftercarePlans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "HandoverChecklistItems" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_HandoverChecklistItems" PRIMARY KEY,
    "HandoverId" TEXT NOT NULL,
    "Item" TEXT NOT NULL,
    "Note" TEXT NULL,
    "ConfirmedAt" INTEGER NULL,
    "ConfirmedById" TEXT NULL,
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
