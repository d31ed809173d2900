-- 0007 weighings under the reporting code, answer by answer (PostgreSQL).
CREATE TABLE "ReportingCodeWeighings" (
    "Id" uuid NOT NULL,
    "TrajectoryId" uuid NOT NULL,
    "RecordedAt" timestamp with time zone NOT NULL,
    "RecordedById" uuid NOT NULL,
    "Suspicion" boolean NOT NULL,
    "SuspicionExplanation" character varying(2000) NOT NULL,
    "Unsafety" boolean,
    "UnsafetyExplanation" character varying(2000),
    "CanHelp" boolean,
    "CanHelpExplanation" character varying(2000),
    "HelpAccepted" boolean,
    "HelpAcceptedExplanation" character varying(2000),
    "HelpEffective" boolean,
    "HelpEffectiveExplanation" character varying(2000),
    "Outcome" character varying(32) NOT NULL,
    CONSTRAINT "PK_ReportingCodeWeighings" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ReportingCodeWeighings_AspNetUsers_RecordedById" FOREIGN KEY ("RecordedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ReportingCodeWeighings_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ReportingCodeWeighings_RecordedById" ON "ReportingCodeWeighings" ("RecordedById");

CREATE INDEX "IX_ReportingCodeWeighings_TrajectoryId_RecordedAt" ON "ReportingCodeWeighings" ("TrajectoryId", "RecordedAt");
