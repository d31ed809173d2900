-- 0016 safety: assessments and plans, safety facts, acute medical care, missing episodes with whom to inform, incidents in groups (PostgreSQL).
CREATE TABLE "GroupIncidents" (
    "Id" uuid NOT NULL,
    "OrganisationId" uuid NOT NULL,
    "Kind" character varying(32) NOT NULL,
    "OccurredOn" date NOT NULL,
    "Group" character varying(200) NOT NULL,
    "Description" character varying(4000) NOT NULL,
    "ActionsTaken" character varying(4000) NOT NULL,
    "RecordedAt" timestamp with time zone NOT NULL,
    "RecordedById" uuid NOT NULL,
    "ActionsUpdatedAt" timestamp with time zone,
    "ActionsUpdatedById" uuid,
    "Version" bigint NOT NULL,
    CONSTRAINT "PK_GroupIncidents" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_GroupIncidents_AspNetUsers_RecordedById" FOREIGN KEY ("RecordedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_GroupIncidents_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "GroupIncidentLinks" (
    "Id" uuid NOT NULL,
    "IncidentId" uuid NOT NULL,
    "TrajectoryId" uuid NOT NULL,
    "Role" character varying(16) NOT NULL,
    CONSTRAINT "PK_GroupIncidentLinks" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_GroupIncidentLinks_GroupIncidents_IncidentId" FOREIGN KEY ("IncidentId") REFERENCES "GroupIncidents" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_GroupIncidentLinks_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "MissingEpisodes" (
    "Id" uuid NOT NULL,
    "TrajectoryId" uuid NOT NULL,
    "ReportedAt" timestamp with time zone NOT NULL,
    "ReportedById" uuid NOT NULL,
    "LastSeenAt" timestamp with time zone NOT NULL,
    "LastSeenWhere" character varying(300) NOT NULL,
    "WithWhom" character varying(300),
    "HowSheLeft" character varying(300) NOT NULL,
    "Clothing" character varying(300),
    "PhoneStatus" character varying(32) NOT NULL,
    "RiskLevel" character varying(16) NOT NULL,
    "CurrentRegionId" uuid NOT NULL,
    "HomeRegionId" uuid NOT NULL,
    "ParentMayBeInvolved" boolean NOT NULL,
    "FoundAt" timestamp with time zone,
    "FoundWhere" character varying(300),
    "FoundBy" character varying(300),
    "AcuteMedicalNeed" boolean,
    "ReturnWhere" character varying(2000),
    "ReturnWithWhom" character varying(2000),
    "ReturnWhatHappened" character varying(2000),
    "NewNetworkEntries" boolean,
    "ClosedAt" timestamp with time zone,
    "ClosedById" uuid,
    "Version" bigint NOT NULL,
    CONSTRAINT "PK_MissingEpisodes" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_MissingEpisodes_AspNetUsers_ReportedById" FOREIGN KEY ("ReportedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_MissingEpisodes_Regions_CurrentRegionId" FOREIGN KEY ("CurrentRegionId") REFERENCES "Regions" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_MissingEpisodes_Regions_HomeRegionId" FOREIGN KEY ("HomeRegionId") REFERENCES "Regions" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_MissingEpisodes_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SafetyAssessments" (
    "Id" uuid NOT NULL,
    "TrajectoryId" uuid NOT NULL,
    "AssessedAt" timestamp with time zone NOT NULL,
    "AssessedById" uuid NOT NULL,
    "TreatmentCoordinatorId" uuid NOT NULL,
    "SuggestedLevel" character varying(16) NOT NULL,
    "Level" character varying(16) NOT NULL,
    "DeviationReason" character varying(1000),
    "RecentMissingEpisodes" integer NOT NULL,
    CONSTRAINT "PK_SafetyAssessments" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_SafetyAssessments_AspNetUsers_AssessedById" FOREIGN KEY ("AssessedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SafetyAssessments_AspNetUsers_TreatmentCoordinatorId" FOREIGN KEY ("TreatmentCoordinatorId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SafetyAssessments_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SafetyContexts" (
    "TrajectoryId" uuid NOT NULL,
    "ParentMayBeInvolved" boolean NOT NULL,
    "ParentInvolvementNote" character varying(1000),
    "HomeRegionId" uuid,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "UpdatedById" uuid NOT NULL,
    "Version" bigint NOT NULL,
    CONSTRAINT "PK_SafetyContexts" PRIMARY KEY ("TrajectoryId"),
    CONSTRAINT "FK_SafetyContexts_AspNetUsers_UpdatedById" FOREIGN KEY ("UpdatedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SafetyContexts_Regions_HomeRegionId" FOREIGN KEY ("HomeRegionId") REFERENCES "Regions" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SafetyContexts_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AcuteMedicalEvents" (
    "Id" uuid NOT NULL,
    "TrajectoryId" uuid NOT NULL,
    "Kind" character varying(32) NOT NULL,
    "Where" character varying(200) NOT NULL,
    "OccurredAt" timestamp with time zone NOT NULL,
    "Note" character varying(1000),
    "MissingEpisodeId" uuid,
    "RecordedAt" timestamp with time zone NOT NULL,
    "RecordedById" uuid NOT NULL,
    CONSTRAINT "PK_AcuteMedicalEvents" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_AcuteMedicalEvents_AspNetUsers_RecordedById" FOREIGN KEY ("RecordedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AcuteMedicalEvents_MissingEpisodes_MissingEpisodeId" FOREIGN KEY ("MissingEpisodeId") REFERENCES "MissingEpisodes" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AcuteMedicalEvents_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "MissingNotices" (
    "Id" uuid NOT NULL,
    "EpisodeId" uuid NOT NULL,
    "Position" integer NOT NULL,
    "Party" character varying(32) NOT NULL,
    "Name" character varying(300) NOT NULL,
    "InformedAt" timestamp with time zone,
    "InformedById" uuid,
    "Channel" character varying(16),
    "Note" character varying(500),
    "Version" bigint NOT NULL,
    CONSTRAINT "PK_MissingNotices" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_MissingNotices_MissingEpisodes_EpisodeId" FOREIGN KEY ("EpisodeId") REFERENCES "MissingEpisodes" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SafetyAssessmentItems" (
    "Id" uuid NOT NULL,
    "AssessmentId" uuid NOT NULL,
    "Item" character varying(32) NOT NULL,
    "Concern" character varying(16) NOT NULL,
    "Note" character varying(1000),
    CONSTRAINT "PK_SafetyAssessmentItems" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_SafetyAssessmentItems_SafetyAssessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "SafetyAssessments" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SafetyPlans" (
    "Id" uuid NOT NULL,
    "TrajectoryId" uuid NOT NULL,
    "BasedOnAssessmentId" uuid,
    "ReviewOn" date NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "UpdatedById" uuid NOT NULL,
    "Version" bigint NOT NULL,
    CONSTRAINT "PK_SafetyPlans" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_SafetyPlans_AspNetUsers_UpdatedById" FOREIGN KEY ("UpdatedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SafetyPlans_SafetyAssessments_BasedOnAssessmentId" FOREIGN KEY ("BasedOnAssessmentId") REFERENCES "SafetyAssessments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SafetyPlans_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SafetyMeasures" (
    "Id" uuid NOT NULL,
    "PlanId" uuid NOT NULL,
    "Position" integer NOT NULL,
    "Kind" character varying(32) NOT NULL,
    "Description" character varying(1000) NOT NULL,
    "OwnerId" uuid NOT NULL,
    CONSTRAINT "PK_SafetyMeasures" PRIMARY KEY ("Id"),
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
