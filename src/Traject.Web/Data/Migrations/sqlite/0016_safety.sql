-- 0016 safety: assessments and plans, safety facts, acute medical care, missing episodes with whom to inform, incidents in groups (SQLite).
CREATE TABLE "GroupIncidents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_GroupIncidents" PRIMARY KEY,
    "OrganisationId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "OccurredOn" TEXT NOT NULL,
    "Group" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "ActionsTaken" TEXT NOT NULL,
    "RecordedAt" INTEGER NOT NULL,
    "RecordedById" TEXT NOT NULL,
    "ActionsUpdatedAt" INTEGER NULL,
    "ActionsUpdatedById" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_GroupIncidents_AspNetUsers_RecordedById" FOREIGN KEY ("RecordedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_GroupIncidents_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "GroupIncidentLinks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_GroupIncidentLinks" PRIMARY KEY,
    "IncidentId" TEXT NOT NULL,
    "TrajectoryId" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    CONSTRAINT "FK_GroupIncidentLinks_GroupIncidents_IncidentId" FOREIGN KEY ("IncidentId") REFERENCES "GroupIncidents" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_GroupIncidentLinks_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "MissingEpisodes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_MissingEpisodes" PRIMARY KEY,
    "TrajectoryId" TEXT NOT NULL,
    "ReportedAt" INTEGER NOT NULL,
    "ReportedById" TEXT NOT NULL,
    "LastSeenAt" INTEGER NOT NULL,
    "LastSeenWhere" TEXT NOT NULL,
    "WithWhom" TEXT NULL,
    "HowSheLeft" TEXT NOT NULL,
    "Clothing" TEXT NULL,
    "PhoneStatus" TEXT NOT NULL,
    "RiskLevel" TEXT NOT NULL,
    "CurrentRegionId" TEXT NOT NULL,
    "HomeRegionId" TEXT NOT NULL,
    "ParentMayBeInvolved" INTEGER NOT NULL,
    "FoundAt" INTEGER NULL,
    "FoundWhere" TEXT NULL,
    "FoundBy" TEXT NULL,
    "AcuteMedicalNeed" INTEGER NULL,
    "ReturnWhere" TEXT NULL,
    "ReturnWithWhom" TEXT NULL,
    "ReturnWhatHappened" TEXT NULL,
    "NewNetworkEntries" INTEGER NULL,
    "ClosedAt" INTEGER NULL,
    "ClosedById" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_MissingEpisodes_AspNetUsers_ReportedById" FOREIGN KEY ("ReportedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_MissingEpisodes_Regions_CurrentRegionId" FOREIGN KEY ("CurrentRegionId") REFERENCES "Regions" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_MissingEpisodes_Regions_HomeRegionId" FOREIGN KEY ("HomeRegionId") REFERENCES "Regions" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_MissingEpisodes_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SafetyAssessments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SafetyAssessments" PRIMARY KEY,
    "TrajectoryId" TEXT NOT NULL,
    "AssessedAt" INTEGER NOT NULL,
    "AssessedById" TEXT NOT NULL,
    "TreatmentCoordinatorId" TEXT NOT NULL,
    "SuggestedLevel" TEXT NOT NULL,
    "Level" TEXT NOT NULL,
    "DeviationReason" TEXT NULL,
    "RecentMissingEpisodes" INTEGER NOT NULL,
    CONSTRAINT "FK_SafetyAssessments_AspNetUsers_AssessedById" FOREIGN KEY ("AssessedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SafetyAssessments_AspNetUsers_TreatmentCoordinatorId" FOREIGN KEY ("TreatmentCoordinatorId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SafetyAssessments_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SafetyContexts" (
    "TrajectoryId" TEXT NOT NULL CONSTRAINT "PK_SafetyContexts" PRIMARY KEY,
    "ParentMayBeInvolved" INTEGER NOT NULL,
    "ParentInvolvementNote" TEXT NULL,
    "HomeRegionId" TEXT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "UpdatedById" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_SafetyContexts_AspNetUsers_UpdatedById" FOREIGN KEY ("UpdatedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SafetyContexts_Regions_HomeRegionId" FOREIGN KEY ("HomeRegionId") REFERENCES "Regions" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SafetyContexts_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AcuteMedicalEvents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AcuteMedicalEvents" PRIMARY KEY,
    "TrajectoryId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Where" TEXT NOT NULL,
    "OccurredAt" INTEGER NOT NULL,
    "Note" TEXT NULL,
    "MissingEpisodeId" TEXT NULL,
    "RecordedAt" INTEGER NOT NULL,
    "RecordedById" TEXT NOT NULL,
    CONSTRAINT "FK_AcuteMedicalEvents_AspNetUsers_RecordedById" FOREIGN KEY ("RecordedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AcuteMedicalEvents_MissingEpisodes_MissingEpisodeId" FOREIGN KEY ("MissingEpisodeId") REFERENCES "MissingEpisodes" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AcuteMedicalEvents_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "MissingNotices" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_MissingNotices" PRIMARY KEY,
    "EpisodeId" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "Party" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "InformedAt" INTEGER NULL,
    "InformedById" TEXT NULL,
    "Channel" TEXT NULL,
    "Note" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_MissingNotices_MissingEpisodes_EpisodeId" FOREIGN KEY ("EpisodeId") REFERENCES "MissingEpisodes" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SafetyAssessmentItems" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SafetyAssessmentItems" PRIMARY KEY,
    "AssessmentId" TEXT NOT NULL,
    "Item" TEXT NOT NULL,
    "Concern" TEXT NOT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_SafetyAssessmentItems_SafetyAssessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "SafetyAssessments" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SafetyPlans" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SafetyPlans" PRIMARY KEY,
    "TrajectoryId" TEXT NOT NULL,
    "BasedOnAssessmentId" TEXT NULL,
    "ReviewOn" TEXT NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "UpdatedById" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_SafetyPlans_AspNetUsers_UpdatedById" FOREIGN KEY ("UpdatedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SafetyPlans_SafetyAssessments_BasedOnAssessmentId" FOREIGN KEY ("BasedOnAssessmentId") REFERENCES "SafetyAssessments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SafetyPlans_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SafetyMeasures" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SafetyMeasures" PRIMARY KEY,
    "PlanId" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "OwnerId" TEXT NOT NULL,
    CONSTRAINT "FK_SafetyMeasures_AspNetUsers_OwnerId" FOREIGN KEY ("OwnerId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SafetyMeasures_SafetyPlans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "SafetyPlans" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AcuteMedicalEvents_MissingEpisodeId" ON "AcuteMedicalEvents" ("MissingEpisodeId");

CREATE INDEX "IX_AcuteMedicalEvents_RecordedById" ON "AcuteMedicalEvents" ("RecordedById");

CREATE INDEX "IX_AcuteMedicalEvents_TrajectoryId_OccurredAt" ON "AcuteMedicalEvents" ("TrajectoryId", "OccurredAt");

CREATE UNIQUE INDEX "IX_GroupIncidentLinks_IncidentId_TrajectoryId" ON "GroupIncidentLinks" ("IncidentId", "TrajectoryId");

CREATE INDEX "IX_GroupIncidentLinks_TrajectoryId" ON "GroupIncidentLinks" ("TrajectoryId");

CREATE INDEX "IX_GroupIncidents_OrganisationId_OccurredOn" ON "GroupIncidents" ("OrganisationId", "OccurredOn");

CREATE INDEX "IX_GroupIncidents_RecordedById" ON "GroupIncidents" ("RecordedById");

CREATE INDEX "IX_MissingEpisodes_CurrentRegionId" ON "MissingEpisodes" ("CurrentRegionId");

CREATE INDEX "IX_MissingEpisodes_HomeRegionId" ON "MissingEpisodes" ("HomeRegionId");

CREATE INDEX "IX_MissingEpisodes_ReportedById" ON "MissingEpisodes" ("ReportedById");

CREATE INDEX "IX_MissingEpisodes_TrajectoryId_ReportedAt" ON "MissingEpisodes" ("TrajectoryId", "ReportedAt");

CREATE INDEX "IX_MissingNotices_EpisodeId" ON "MissingNotices" ("EpisodeId");

CREATE UNIQUE INDEX "IX_SafetyAssessmentItems_AssessmentId_Item" ON "SafetyAssessmentItems" ("AssessmentId", "Item");

CREATE INDEX "IX_SafetyAssessments_AssessedById" ON "SafetyAssessments" ("AssessedById");

CREATE INDEX "IX_SafetyAssessments_TrajectoryId_AssessedAt" ON "SafetyAssessments" ("TrajectoryId", "AssessedAt");

CREATE INDEX "IX_SafetyAssessments_TreatmentCoordinatorId" ON "SafetyAssessments" ("TreatmentCoordinatorId");

CREATE INDEX "IX_SafetyContexts_HomeRegionId" ON "SafetyContexts" ("HomeRegionId");

CREATE INDEX "IX_SafetyContexts_UpdatedById" ON "SafetyContexts" ("UpdatedById");

CREATE INDEX "IX_SafetyMeasures_OwnerId" ON "SafetyMeasures" ("OwnerId");

CREATE INDEX "IX_SafetyMeasures_PlanId" ON "SafetyMeasures" ("PlanId");

CREATE INDEX "IX_SafetyPlans_BasedOnAssessmentId" ON "SafetyPlans" ("BasedOnAssessmentId");

CREATE UNIQUE INDEX "IX_SafetyPlans_TrajectoryId" ON "SafetyPlans" ("TrajectoryId");

CREATE INDEX "IX_SafetyPlans_UpdatedById" ON "SafetyPlans" ("UpdatedById");
