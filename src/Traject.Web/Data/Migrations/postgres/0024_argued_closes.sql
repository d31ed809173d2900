-- 0024 argued closes (PostgreSQL): closing before the aftercare plan and the follow-up contacts allow is proposed
-- with an argument and co-signed by the designated expert. Existing trajectories have none.
ALTER TABLE "Trajectories" ADD COLUMN "EarlyCloseReason" character varying(1000) NULL;
ALTER TABLE "Trajectories" ADD COLUMN "EarlyCloseProposedById" uuid NULL;
ALTER TABLE "Trajectories" ADD COLUMN "EarlyCloseProposedAt" timestamp with time zone NULL;
ALTER TABLE "Trajectories" ADD COLUMN "EarlyCloseCoSignedById" uuid NULL;

-- A missing episode closed while someone on its list of whom to inform was not told keeps the argument why.
ALTER TABLE "MissingEpisodes" ADD COLUMN "UninformedArgument" character varying(2000) NULL;
