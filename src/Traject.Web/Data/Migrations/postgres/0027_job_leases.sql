-- 0027 job leases (PostgreSQL): which node may run a periodic job until when, so each job runs on one node at a time
-- (docs/adr/0029). A row is taken by a conditional update or a first insert; nothing else writes it.
CREATE TABLE "JobLeases" (
    "Job" character varying(100) NOT NULL,
    "Holder" character varying(200) NOT NULL,
    "ExpiresAt" timestamp with time zone NOT NULL,
    "Version" bigint NOT NULL,
    CONSTRAINT "PK_JobLeases" PRIMARY KEY ("Job")
);
