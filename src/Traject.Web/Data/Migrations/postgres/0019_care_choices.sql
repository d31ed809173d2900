-- 0019 care choices: the professional's choice of a care programme after the recommendation (PostgreSQL).
CREATE TABLE "CareChoices" (
    "Id" uuid NOT NULL,
    "TrajectoryId" uuid NOT NULL,
    "OrganisationId" uuid NOT NULL,
    "Sequence" integer NOT NULL,
    "AnalysisId" uuid NOT NULL,
    "ProgrammeId" uuid NOT NULL,
    "ProgrammeVersion" integer NOT NULL,
    "ProgrammeName" character varying(200) NOT NULL,
    "ChosenRank" integer NOT NULL,
    "ChosenVerdict" character varying(16) NOT NULL,
    "RecommendedProgrammeId" uuid NOT NULL,
    "RecommendedProgrammeName" character varying(200) NOT NULL,
    "RecommendedVerdict" character varying(16) NOT NULL,
    "Outcome" character varying(16) NOT NULL,
    "Reason" character varying(32),
    "Explanation" character varying(2000),
    "RecordedAt" timestamp with time zone NOT NULL,
    "RecordedById" uuid NOT NULL,
    "SupersededAt" timestamp with time zone,
    "SupersededById" uuid,
    CONSTRAINT "PK_CareChoices" PRIMARY KEY ("Id"),
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
