-- 0018 triage: the problem, risk, needs and strengths analysis with its network and signatures (PostgreSQL).
CREATE TABLE "ProblemAnalyses" (
    "Id" uuid NOT NULL,
    "TrajectoryId" uuid NOT NULL,
    "CopiedFromId" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedById" uuid NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "UpdatedById" uuid NOT NULL,
    "SignedAt" timestamp with time zone,
    "ExploitationCircumstances" character varying(4000),
    "ExploitationNature" character varying(4000),
    "ExploitationForms" character varying(300) NOT NULL,
    "ExploitationMonths" integer,
    "OnlineComponent" boolean NOT NULL,
    "OnlineDetails" character varying(4000),
    "ExploiterRegionId" uuid,
    "UpperProblems" character varying(300) NOT NULL,
    "UpperNotes" character varying(4000),
    "UnderlyingProblems" character varying(300) NOT NULL,
    "AdverseExperiences" character varying(300) NOT NULL,
    "UnderlyingNotes" character varying(4000),
    "Risks" character varying(300) NOT NULL,
    "RiskNotes" character varying(4000),
    "Needs" character varying(4000),
    "Strengths" character varying(4000),
    "NetworkStrengths" character varying(4000),
    "Education" character varying(32),
    "EducationNotes" character varying(4000),
    "NetworkNotes" character varying(4000),
    "MixedGroupReason" character varying(4000),
    "Version" bigint NOT NULL,
    CONSTRAINT "PK_ProblemAnalyses" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ProblemAnalyses_AspNetUsers_CreatedById" FOREIGN KEY ("CreatedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ProblemAnalyses_AspNetUsers_UpdatedById" FOREIGN KEY ("UpdatedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ProblemAnalyses_Regions_ExploiterRegionId" FOREIGN KEY ("ExploiterRegionId") REFERENCES "Regions" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ProblemAnalyses_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AnalysisNetworkPeople" (
    "Id" uuid NOT NULL,
    "AnalysisId" uuid NOT NULL,
    "Position" integer NOT NULL,
    "Relation" character varying(32) NOT NULL,
    "Name" character varying(200) NOT NULL,
    "Notes" character varying(1000),
    "MayBeInvolved" boolean NOT NULL,
    CONSTRAINT "PK_AnalysisNetworkPeople" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_AnalysisNetworkPeople_ProblemAnalyses_AnalysisId" FOREIGN KEY ("AnalysisId") REFERENCES "ProblemAnalyses" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AnalysisSignatures" (
    "Id" uuid NOT NULL,
    "AnalysisId" uuid NOT NULL,
    "ProfessionalId" uuid NOT NULL,
    "BehaviouralScientist" boolean NOT NULL,
    "SignedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_AnalysisSignatures" PRIMARY KEY ("Id"),
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
