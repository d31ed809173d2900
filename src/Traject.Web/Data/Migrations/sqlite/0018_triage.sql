-- 0018 triage: the problem, risk, needs and strengths analysis with its network and signatures (SQLite).
CREATE TABLE "ProblemAnalyses" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ProblemAnalyses" PRIMARY KEY,
    "TrajectoryId" TEXT NOT NULL,
    "CopiedFromId" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedById" TEXT NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "UpdatedById" TEXT NOT NULL,
    "SignedAt" INTEGER NULL,
    "ExploitationCircumstances" TEXT NULL,
    "ExploitationNature" TEXT NULL,
    "ExploitationForms" TEXT NOT NULL,
    "ExploitationMonths" INTEGER NULL,
    "OnlineComponent" INTEGER NOT NULL,
    "OnlineDetails" TEXT NULL,
    "ExploiterRegionId" TEXT NULL,
    "UpperProblems" TEXT NOT NULL,
    "UpperNotes" TEXT NULL,
    "UnderlyingProblems" TEXT NOT NULL,
    "AdverseExperiences" TEXT NOT NULL,
    "UnderlyingNotes" TEXT NULL,
    "Risks" TEXT NOT NULL,
    "RiskNotes" TEXT NULL,
    "Needs" TEXT NULL,
    "Strengths" TEXT NULL,
    "NetworkStrengths" TEXT NULL,
    "Education" TEXT NULL,
    "EducationNotes" TEXT NULL,
    "NetworkNotes" TEXT NULL,
    "MixedGroupReason" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_ProblemAnalyses_AspNetUsers_CreatedById" FOREIGN KEY ("CreatedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ProblemAnalyses_AspNetUsers_UpdatedById" FOREIGN KEY ("UpdatedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ProblemAnalyses_Regions_ExploiterRegionId" FOREIGN KEY ("ExploiterRegionId") REFERENCES "Regions" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ProblemAnalyses_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AnalysisNetworkPeople" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AnalysisNetworkPeople" PRIMARY KEY,
    "AnalysisId" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "Relation" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Notes" TEXT NULL,
    "MayBeInvolved" INTEGER NOT NULL,
    CONSTRAINT "FK_AnalysisNetworkPeople_ProblemAnalyses_AnalysisId" FOREIGN KEY ("AnalysisId") REFERENCES "ProblemAnalyses" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AnalysisSignatures" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AnalysisSignatures" PRIMARY KEY,
    "AnalysisId" TEXT NOT NULL,
    "ProfessionalId" TEXT NOT NULL,
    "BehaviouralScientist" INTEGER NOT NULL,
    "SignedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_AnalysisSignatures_AspNetUsers_ProfessionalId" FOREIGN KEY ("ProfessionalId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AnalysisSignatures_ProblemAnalyses_AnalysisId" FOREIGN KEY ("AnalysisId") REFERENCES "ProblemAnalyses" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ProblemAnalyses_CreatedById" ON "ProblemAnalyses" ("CreatedById");

CREATE INDEX "IX_ProblemAnalyses_ExploiterRegionId" ON "ProblemAnalyses" ("ExploiterRegionId");

CREATE UNIQUE INDEX "IX_ProblemAnalyses_OpenDraft" ON "ProblemAnalyses" ("TrajectoryId") WHERE "SignedAt" IS NULL;

CREATE INDEX "IX_ProblemAnalyses_TrajectoryId_CreatedAt" ON "ProblemAnalyses" ("TrajectoryId", "CreatedAt");

CREATE INDEX "IX_ProblemAnalyses_UpdatedById" ON "ProblemAnalyses" ("UpdatedById");

CREATE INDEX "IX_AnalysisNetworkPeople_AnalysisId" ON "AnalysisNetworkPeople" ("AnalysisId");

CREATE UNIQUE INDEX "IX_AnalysisSignatures_AnalysisId_ProfessionalId" ON "AnalysisSignatures" ("AnalysisId", "ProfessionalId");

CREATE INDEX "IX_AnalysisSignatures_ProfessionalId" ON "AnalysisSignatures" ("ProfessionalId");
