-- 0007 weighings under the reporting code, answer by answer (SQLite).
CREATE TABLE "ReportingCodeWeighings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ReportingCodeWeighings" PRIMARY KEY,
    "TrajectoryId" TEXT NOT NULL,
    "RecordedAt" INTEGER NOT NULL,
    "RecordedById" TEXT NOT NULL,
    "Suspicion" INTEGER NOT NULL,
    "SuspicionExplanation" TEXT NOT NULL,
    "Unsafety" INTEGER NULL,
    "UnsafetyExplanation" TEXT NULL,
    "CanHelp" INTEGER NULL,
    "CanHelpExplanation" TEXT NULL,
    "HelpAccepted" INTEGER NULL,
    "HelpAcceptedExplanation" TEXT NULL,
    "HelpEffective" INTEGER NULL,
    "HelpEffectiveExplanation" TEXT NULL,
    "Outcome" TEXT NOT NULL,
    CONSTRAINT "FK_ReportingCodeWeighings_AspNetUsers_RecordedById" FOREIGN KEY ("RecordedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ReportingCodeWeighings_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ReportingCodeWeighings_RecordedById" ON "ReportingCodeWeighings" ("RecordedById");

CREATE INDEX "IX_ReportingCodeWeighings_TrajectoryId_RecordedAt" ON "ReportingCodeWeighings" ("TrajectoryId", "RecordedAt");
