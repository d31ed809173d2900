-- 0012 registration: registration decisions, consent and its policy, national notifications and their export batches (SQLite).
CREATE TABLE "ConsentPolicies" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ConsentPolicies" PRIMARY KEY,
    "Rules" TEXT NOT NULL,
    "ChangedAt" INTEGER NOT NULL,
    "ChangedById" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_ConsentPolicies_AspNetUsers_ChangedById" FOREIGN KEY ("ChangedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "RegistrationConsents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_RegistrationConsents" PRIMARY KEY,
    "TrajectoryId" TEXT NOT NULL,
    "YoungPersonId" TEXT NOT NULL,
    "GivenOn" TEXT NOT NULL,
    "AgeOnConsentDate" INTEGER NOT NULL,
    "Requirement" TEXT NOT NULL,
    "YoungPersonConsented" INTEGER NOT NULL,
    "ParentOrGuardianConsented" INTEGER NOT NULL,
    "ParentOrGuardianName" TEXT NULL,
    "Form" TEXT NOT NULL,
    "RecordedAt" INTEGER NOT NULL,
    "RecordedById" TEXT NOT NULL,
    "WithdrawnOn" TEXT NULL,
    "WithdrawnAt" INTEGER NULL,
    "WithdrawnById" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_RegistrationConsents_AspNetUsers_RecordedById" FOREIGN KEY ("RecordedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RegistrationConsents_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_RegistrationConsents_YoungPeople_YoungPersonId" FOREIGN KEY ("YoungPersonId") REFERENCES "YoungPeople" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "RegistrationDecisions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_RegistrationDecisions" PRIMARY KEY,
    "TrajectoryId" TEXT NOT NULL,
    "YoungPersonId" TEXT NOT NULL,
    "OrganisationId" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "DecidedOn" TEXT NOT NULL,
    "RecordedAt" INTEGER NOT NULL,
    "RecordedById" TEXT NOT NULL,
    "Outcome" TEXT NOT NULL,
    "VictimStatus" TEXT NOT NULL,
    "Forms" TEXT NOT NULL,
    "OtherForm" TEXT NULL,
    "ConsentId" TEXT NULL,
    "DateOfBirthOnlyReason" TEXT NULL,
    "NonNotificationReason" TEXT NULL,
    "Argument" TEXT NULL,
    "SupersededAt" INTEGER NULL,
    "SupersededById" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_RegistrationDecisions_AspNetUsers_RecordedById" FOREIGN KEY ("RecordedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RegistrationDecisions_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RegistrationDecisions_RegistrationConsents_ConsentId" FOREIGN KEY ("ConsentId") REFERENCES "RegistrationConsents" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RegistrationDecisions_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_RegistrationDecisions_YoungPeople_YoungPersonId" FOREIGN KEY ("YoungPersonId") REFERENCES "YoungPeople" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "NotificationExportBatches" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_NotificationExportBatches" PRIMARY KEY,
    "OrganisationId" TEXT NOT NULL,
    "OrganisationName" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "PeriodFrom" TEXT NOT NULL,
    "PeriodTo" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedById" TEXT NOT NULL,
    "Count" INTEGER NOT NULL,
    CONSTRAINT "FK_NotificationExportBatches_AspNetUsers_CreatedById" FOREIGN KEY ("CreatedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_NotificationExportBatches_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "NationalNotifications" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_NationalNotifications" PRIMARY KEY,
    "DecisionId" TEXT NOT NULL,
    "TrajectoryId" TEXT NOT NULL,
    "YoungPersonId" TEXT NOT NULL,
    "OrganisationId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "DeduplicationKey" TEXT NOT NULL,
    "DecidedOn" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "FamilyName" TEXT NULL,
    "GivenName" TEXT NULL,
    "DateOfBirth" TEXT NOT NULL,
    "Gender" TEXT NOT NULL,
    "Municipality" TEXT NULL,
    "Nationality" TEXT NOT NULL,
    "AgeOnDecision" INTEGER NOT NULL,
    "Minor" INTEGER NOT NULL,
    "VictimStatus" TEXT NOT NULL,
    "Forms" TEXT NOT NULL,
    "RegionId" TEXT NOT NULL,
    "OrganisationKind" TEXT NOT NULL,
    "ConsentId" TEXT NULL,
    "CountedInYear" INTEGER NOT NULL,
    "CancelledAt" INTEGER NULL,
    "ExportBatchId" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_NationalNotifications_NotificationExportBatches_ExportBatchId" FOREIGN KEY ("ExportBatchId") REFERENCES "NotificationExportBatches" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_NationalNotifications_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_NationalNotifications_Regions_RegionId" FOREIGN KEY ("RegionId") REFERENCES "Regions" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_NationalNotifications_RegistrationDecisions_DecisionId" FOREIGN KEY ("DecisionId") REFERENCES "RegistrationDecisions" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_NationalNotifications_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_NationalNotifications_YoungPeople_YoungPersonId" FOREIGN KEY ("YoungPersonId") REFERENCES "YoungPeople" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_ConsentPolicies_ChangedById" ON "ConsentPolicies" ("ChangedById");

CREATE INDEX "IX_RegistrationConsents_RecordedById" ON "RegistrationConsents" ("RecordedById");

CREATE INDEX "IX_RegistrationConsents_TrajectoryId_GivenOn" ON "RegistrationConsents" ("TrajectoryId", "GivenOn");

CREATE INDEX "IX_RegistrationConsents_YoungPersonId" ON "RegistrationConsents" ("YoungPersonId");

CREATE INDEX "IX_RegistrationDecisions_ConsentId" ON "RegistrationDecisions" ("ConsentId");

CREATE INDEX "IX_RegistrationDecisions_OrganisationId_DecidedOn" ON "RegistrationDecisions" ("OrganisationId", "DecidedOn");

CREATE INDEX "IX_RegistrationDecisions_RecordedById" ON "RegistrationDecisions" ("RecordedById");

CREATE UNIQUE INDEX "IX_RegistrationDecisions_TrajectoryId_Sequence" ON "RegistrationDecisions" ("TrajectoryId", "Sequence");

CREATE INDEX "IX_RegistrationDecisions_YoungPersonId" ON "RegistrationDecisions" ("YoungPersonId");

CREATE INDEX "IX_NotificationExportBatches_CreatedById" ON "NotificationExportBatches" ("CreatedById");

CREATE UNIQUE INDEX "IX_NotificationExportBatches_OrganisationId_Sequence" ON "NotificationExportBatches" ("OrganisationId", "Sequence");

CREATE UNIQUE INDEX "IX_NationalNotifications_DecisionId" ON "NationalNotifications" ("DecisionId");

CREATE INDEX "IX_NationalNotifications_ExportBatchId" ON "NationalNotifications" ("ExportBatchId");

CREATE INDEX "IX_NationalNotifications_OrganisationId_DecidedOn" ON "NationalNotifications" ("OrganisationId", "DecidedOn");

CREATE INDEX "IX_NationalNotifications_RegionId" ON "NationalNotifications" ("RegionId");

CREATE INDEX "IX_NationalNotifications_TrajectoryId" ON "NationalNotifications" ("TrajectoryId");

CREATE INDEX "IX_NationalNotifications_Year_CountedInYear" ON "NationalNotifications" ("Year", "CountedInYear");

CREATE INDEX "IX_NationalNotifications_YoungPersonId_Year" ON "NationalNotifications" ("YoungPersonId", "Year");
