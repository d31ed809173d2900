-- 0019 care choices: the professional's choice of a care programme after the recommendation (SQLite).
CREATE TABLE "CareChoices" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CareChoices" PRIMARY KEY,
    "TrajectoryId" TEXT NOT NULL,
    "OrganisationId" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "AnalysisId" TEXT NOT NULL,
    "ProgrammeId" TEXT NOT NULL,
    "ProgrammeVersion" INTEGER NOT NULL,
    "ProgrammeName" TEXT NOT NULL,
    "ChosenRank" INTEGER NOT NULL,
    "ChosenVerdict" TEXT NOT NULL,
    "RecommendedProgrammeId" TEXT NOT NULL,
    "RecommendedProgrammeName" TEXT NOT NULL,
    "RecommendedVerdict" TEXT NOT NULL,
    "Outcome" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "Explanation" TEXT NULL,
    "RecordedAt" INTEGER NOT NULL,
    "RecordedById" TEXT NOT NULL,
    "SupersededAt" INTEGER NULL,
    "SupersededById" TEXT NULL,
    CONSTRAINT "FK_CareChoices_AspNetUsers_RecordedById" FOREIGN KEY ("RecordedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CareChoices_CareProgrammes_ProgrammeId" FOREIGN KEY ("ProgrammeId") REFERENCES "CareProgrammes" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CareChoices_CareProgrammes_RecommendedProgrammeId" FOREIGN KEY ("RecommendedProgrammeId") REFERENCES "CareProgrammes" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CareChoices_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CareChoices_ProblemAnalyses_AnalysisId" FOREIGN KEY ("AnalysisId") REFERENCES "ProblemAnalyses" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CareChoices_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_CareChoices_AnalysisId" ON "CareChoices" ("AnalysisId");

CREATE INDEX "IX_CareChoices_OrganisationId_RecordedAt" ON "CareChoices" ("OrganisationId", "RecordedAt");

CREATE INDEX "IX_CareChoices_ProgrammeId" ON "CareChoices" ("ProgrammeId");

CREATE INDEX "IX_CareChoices_RecommendedProgrammeId" ON "CareChoices" ("RecommendedProgrammeId");

CREATE INDEX "IX_CareChoices_RecordedById" ON "CareChoices" ("RecordedById");

CREATE UNIQUE INDEX "IX_CareChoices_TrajectoryId_Sequence" ON "CareChoices" ("TrajectoryId", "Sequence");
