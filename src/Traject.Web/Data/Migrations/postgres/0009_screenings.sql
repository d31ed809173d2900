-- 0009 screenings in the dossier: observed signals, the multidisciplinary weighing, the final classification (PostgreSQL).
CREATE TABLE "Screenings" (
    "Id" uuid NOT NULL,
    "TrajectoryId" uuid NOT NULL,
    "InstrumentVersion" character varying(32) NOT NULL,
    "RecordedAt" timestamp with time zone NOT NULL,
    "RecordedById" uuid NOT NULL,
    "ObservedOn" date NOT NULL,
    "Suggestion" character varying(16) NOT NULL,
    "RiskProfiles" character varying(200) NOT NULL,
    "LegalElements" text NOT NULL,
    "Explanation" text NOT NULL,
    "Status" character varying(16) NOT NULL,
    "FinalClassification" character varying(16),
    "FinalisedAt" timestamp with time zone,
    "StepPlanStartedAt" timestamp with time zone,
    "Version" bigint NOT NULL,
    CONSTRAINT "PK_Screenings" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Screenings_AspNetUsers_RecordedById" FOREIGN KEY ("RecordedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Screenings_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ScreeningSignals" (
    "Id" uuid NOT NULL,
    "ScreeningId" uuid NOT NULL,
    "Code" character varying(64) NOT NULL,
    "ObservedOn" date NOT NULL,
    "Source" character varying(32) NOT NULL,
    "Note" character varying(2000),
    CONSTRAINT "PK_ScreeningSignals" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ScreeningSignals_Screenings_ScreeningId" FOREIGN KEY ("ScreeningId") REFERENCES "Screenings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ScreeningWeighings" (
    "Id" uuid NOT NULL,
    "ScreeningId" uuid NOT NULL,
    "ProfessionalId" uuid NOT NULL,
    "BehaviouralScientist" boolean NOT NULL,
    "Participants" character varying(1000) NOT NULL,
    "HeldOn" date NOT NULL,
    "Conclusion" character varying(16) NOT NULL,
    "DeviationReason" character varying(2000),
    "RecordedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_ScreeningWeighings" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ScreeningWeighings_AspNetUsers_ProfessionalId" FOREIGN KEY ("ProfessionalId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ScreeningWeighings_Screenings_ScreeningId" FOREIGN KEY ("ScreeningId") REFERENCES "Screenings" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Screenings_RecordedById" ON "Screenings" ("RecordedById");

CREATE INDEX "IX_Screenings_TrajectoryId_RecordedAt" ON "Screenings" ("TrajectoryId", "RecordedAt");

CREATE INDEX "IX_ScreeningSignals_ScreeningId" ON "ScreeningSignals" ("ScreeningId");

CREATE INDEX "IX_ScreeningWeighings_ProfessionalId" ON "ScreeningWeighings" ("ProfessionalId");

CREATE UNIQUE INDEX "IX_ScreeningWeighings_ScreeningId_ProfessionalId" ON "ScreeningWeighings" ("ScreeningId", "ProfessionalId");
