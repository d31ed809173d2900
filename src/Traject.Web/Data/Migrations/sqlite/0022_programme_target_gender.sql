-- 0022 care programmes state whom they serve by gender and may name an indicative duration; a placement keeps the
-- argued exception for a programme that does not serve her gender (SQLite).
-- Versions never change (0013), so existing versions keep their content: they serve all ('All', the value that narrows
-- nothing nobody stated) and have no indicative duration. The built-in programmes the application published itself
-- get their corrected content as a new version when the reference data is stored (CareProgrammes.StoreBuiltInAsync).
ALTER TABLE "CareProgrammeVersions" ADD COLUMN "TargetGender" TEXT NOT NULL DEFAULT 'All';
ALTER TABLE "CareProgrammeVersions" ADD COLUMN "IndicativeDurationWeeks" INTEGER NULL;
ALTER TABLE "Placements" ADD COLUMN "GenderArgument" TEXT NULL;
