-- 0004 a care-team membership ended with immediate effect records the moment: access stops then, not at midnight (PostgreSQL).
ALTER TABLE "CareTeamMemberships" ADD COLUMN "EndedAt" timestamp with time zone;
