-- 0027 job leases (SQLite): which node may run a periodic job until when, so each job runs on one node at a time
-- (docs/adr/0029). A row is taken by a conditional update or a first insert; nothing else writes it.
CREATE TABLE "JobLeases" (
    "Job" TEXT NOT NULL CONSTRAINT "PK_JobLeases" PRIMARY KEY,
    "Holder" TEXT NOT NULL,
    "ExpiresAt" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);
