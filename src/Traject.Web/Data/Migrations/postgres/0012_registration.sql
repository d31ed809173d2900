-- 0012 registration: registration decisions, consent and its policy, national notifications and their export batches (PostgreSQL).
CREATE TABLE "ConsentPolicies" (
    "Id" uuid NOT NULL,
    "Rules" character varying(500) NOT NULL,
    "ChangedAt" timestamp with time zone NOT NULL,
    "ChangedById" uuid NOT NULL,
    "Version" bigint NOT NULL,
    CONSTRAINT "PK_ConsentPolicies" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ConsentPolicies_AspNetUsers_ChangedById" FOREIGN KEY ("ChangedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "RegistrationConsents" (
    "Id" uuid NOT NULL,
    "TrajectoryId" uuid NOT NULL,
    "YoungPersonId" uuid NOT NULL,
    "GivenOn" date NOT NULL,
    "AgeOnConsentDate" integer NOT NULL,
    "Requirement" character varying(32) NOT NULL,
    "YoungPersonConsented" boolean NOT NULL,
    "ParentOrGuardianConsented" boolean NOT NULL,
    "ParentOrGuardianName" character varying(200),
    "Form" character varying(16) NOT NULL,
    "RecordedAt" timestamp with time zone NOT NULL,
    "RecordedById" uuid NOT NULL,
    "WithdrawnOn" date,
    "WithdrawnAt" timestamp with time zone,
    "WithdrawnById" uuid,
    "Version" bigint NOT NULL,
    CONSTRAINT "PK_RegistrationConsents" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_RegistrationConsents_AspNetUsers_RecordedById" FOREIGN KEY ("RecordedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RegistrationConsents_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_RegistrationConsents_YoungPeople_YoungPersonId" FOREIGN KEY ("YoungPersonId") REFERENCES "YoungPeople" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "RegistrationDecisions" (
    "Id" uuid NOT NULL,
    "TrajectoryId" uuid NOT NULL,
    "YoungPersonId" uuid NOT NULL,
    "OrganisationId" uuid NOT NULL,
    "Sequence" integer NOT NULL,
    "DecidedOn" date NOT NULL,
    "RecordedAt" timestamp with time zone NOT NULL,
    "RecordedById" uuid NOT NULL,
    "Outcome" character varying(32) NOT NULL,
    "VictimStatus" character varying(16) NOT NULL,
    "Forms" character varying(100) NOT NULL,
    "OtherForm" character varying(200),
    "ConsentId" uuid,
    "DateOfBirthOnlyReason" character varying(2000),
    "NonNotificationReason" character varying(32),
    "Argument" character varying(4000),
    "SupersededAt" timestamp with time zone,
    "SupersededById" uuid,
    "Version" bigint NOT NULL,
    CONSTRAINT "PK_RegistrationDecisions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_RegistrationDecisions_AspNetUsers_RecordedById" FOREIGN KEY ("RecordedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RegistrationDecisions_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RegistrationDecisions_RegistrationConsents_ConsentId" FOREIGN KEY ("ConsentId") REFERENCES "RegistrationConsents" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RegistrationDecisions_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_RegistrationDecisions_YoungPeople_YoungPersonId" FOREIGN KEY ("YoungPersonId") REFERENCES "YoungPeople" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "NotificationExportBatches" (
    "Id" uuid NOT NULL,
    "OrganisationId" uuid NOT NULL,
    "OrganisationName" character varying(200) NOT NULL,
    "Sequence" integer NOT NULL,
    "PeriodFrom" date NOT NULL,
    "PeriodTo" date NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedById" uuid NOT NULL,
    "Count" integer NOT NULL,
    CONSTRAINT "PK_NotificationExportBatches" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_NotificationExportBatches_AspNetUsers_CreatedById" FOREIGN KEY ("CreatedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_NotificationExportBatches_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "NationalNotifications" (
    "Id" uuid NOT NULL,
    "DecisionId" uuid NOT NULL,
    "TrajectoryId" uuid NOT NULL,
    "YoungPersonId" uuid NOT NULL,
    "OrganisationId" uuid NOT NULL,
    "Kind" character varying(16) NOT NULL,
    "DeduplicationKey" character varying(64) NOT NULL,
    "DecidedOn" date NOT NULL,
    "Year" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "FamilyName" character varying(100),
    "GivenName" character varying(100),
    "DateOfBirth" date NOT NULL,
    "Gender" character varying(16) NOT NULL,
    "Municipality" character varying(100),
    "Nationality" character varying(16) NOT NULL,
    "AgeOnDecision" integer NOT NULL,
    "Minor" boolean NOT NULL,
    "VictimStatus" character varying(16) NOT NULL,
    "Forms" character varying(100) NOT NULL,
    "RegionId" uuid NOT NULL,
    "OrganisationKind" character varying(32) NOT NULL,
    "ConsentId" uuid,
    "CountedInYear" boolean NOT NULL,
    "CancelledAt" timestamp with time zone,
    "ExportBatchId" uuid,
    "Version" bigint NOT NULL,
    CONSTRAINT "PK_NationalNotifications" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_NationalNotifications_NotificationExportBatches_ExportBatch~" FOREIGN KEY ("ExportBatchId") REFERENCES "NotificationExportBatches" ("Id") ON DELETE RESTRICT,
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
