-- 0021 audit detail (SQLite): an entry may name what else it covers, e.g. the parts of a dossier shown in one page
-- view (one "dossier viewed" entry per view instead of one per part). Codes only; existing entries keep their hashes.
ALTER TABLE "AuditEntries" ADD COLUMN "Detail" TEXT NULL;
