-- 0009 screenings in the dossier: observed signals, the multidisciplinary weighing, the final classification (SQLite).
CREATE TABLE "Screenings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Screenings" PRIMARY KEY,
    "TrajectoryId" TEXT NOT NULL,
    "InstrumentVersion" TEXT NOT NULL,
    "RecordedAt" INTEGER NOT NULL,
    "RecordedById" TEXT NOT NULL,
    "ObservedOn" TEXT NOT NULL,
    "Suggestion" TEXT NOT NULL,
    "RiskProfiles" TEXT NOT NULL,
    "LegalElements" TEXT NOT NULL,
    "Explanation" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "FinalClassification" TEXT NULL,
    "FinalisedAt" INTEGER NULL,
    "StepPlanStartedAt" INTEGER NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Screenings_AspNetUsers_RecordedById" FOREIGN KEY ("RecordedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Screenings_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ScreeningSignals" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ScreeningSignals" PRIMARY KEY,
    "ScreeningId" TEXT NOT NULL,
    "Code" TEXT NOT NULL,
    "ObservedOn" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_ScreeningSignals_Screenings_ScreeningId" FOREIGN KEY ("ScreeningId") REFERENCES "Screenings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ScreeningWeighings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ScreeningWeighings" PRIMARY KEY,
    "ScreeningId" TEXT NOT NULL,
    "ProfessionalId" TEXT NOT NULL,
    "BehaviouralScientist" INTEGER NOT NULL,
    "Participants" TEXT NOT NULL,
    "HeldOn" TEXT NOT NULL,
    "Conclusion" TEXT NOT NULL,
    "DeviationReason" TEXT NULL,
    "RecordedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_ScreeningWeighings_AspNetUsers_ProfessionalId" FOREIGN KEY ("ProfessionalId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ScreeningWeighings_Screenings_ScreeningId" FOREIGN KEY ("ScreeningId") REFERENCES "Screenings" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Screenings_RecordedById" ON "Screenings" ("RecordedById");

CREATE INDEX "IX_Screenings_TrajectoryId_RecordedAt" ON "Screenings" ("TrajectoryId", "RecordedAt");

CREATE INDEX "IX_ScreeningSignals_ScreeningId" ON "ScreeningSignals" ("ScreeningId");

CREATE INDEX "IX_ScreeningWeighings_ProfessionalId" ON "ScreeningWeighings" ("ProfessionalId");

CREATE UNIQUE INDEX "IX_ScreeningWeighings_ScreeningId_ProfessionalId" ON "ScreeningWeighings" ("ScreeningId", "ProfessionalId");
