-- 0020 audit indexes (PostgreSQL): the trail keeps the indexes it is read by — the chain order (Sequence, unique) and
-- the access overview of one young person (Pseudonym, newest first) — and drops three no query used (actor, time,
-- object), each of which every audit write had to keep up (ADR 0021).
DROP INDEX "IX_AuditEntries_ActorId";
DROP INDEX "IX_AuditEntries_At";
DROP INDEX "IX_AuditEntries_EntityType_EntityId";
CREATE INDEX "IX_AuditEntries_Pseudonym_Sequence" ON "AuditEntries" ("Pseudonym", "Sequence");
