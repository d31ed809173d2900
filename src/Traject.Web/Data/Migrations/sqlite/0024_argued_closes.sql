-- 0024 argued closes (SQLite): closing before the aftercare plan and the follow-up contacts allow is proposed with
-- an argument and co-signed by the designated expert. Existing trajectories have none.
ALTER TABLE "Trajectories" ADD COLUMN "EarlyCloseReason" TEXT NULL;
ALTER TABLE "Trajectories" ADD COLUMN "EarlyCloseProposedById" TEXT NULL;
ALTER TABLE "Trajectories" ADD COLUMN "EarlyCloseProposedAt" INTEGER NULL;
ALTER TABLE "Trajectories" ADD COLUMN "EarlyCloseCoSignedById" TEXT NULL;

-- A missing episode closed while someone on its list of whom to inform was not told keeps the argument why.
ALTER TABLE "MissingEpisodes" ADD COLUMN "UninformedArgument" TEXT NULL;
