-- 0004 a care-team membership ended with immediate effect records the moment: access stops then, not at midnight (SQLite).
ALTER TABLE "CareTeamMemberships" ADD COLUMN "EndedAt" INTEGER NULL;
