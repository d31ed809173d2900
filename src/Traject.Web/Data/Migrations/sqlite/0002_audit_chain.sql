-- 0002 tamper-evident audit trail (SQLite): sequence, hash chain, roles, on-behalf-of and basis reason on every
-- entry; the chain head; triggers that refuse any update or delete of an entry.
-- SQLite cannot add NOT NULL columns without a default, so the table is rebuilt; existing entries keep their order
-- (time, then id) and are sealed into the chain by the migrate step (AuditChain.SealUnchainedAsync).
CREATE TABLE "AuditEntries_new" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY,
    "Sequence" INTEGER NOT NULL,
    "At" INTEGER NOT NULL,
    "ActorId" TEXT NULL,
    "ActorOrganisationId" TEXT NULL,
    "ActorRoles" TEXT NULL,
    "OnBehalfOfId" TEXT NULL,
    "Action" TEXT NOT NULL,
    "EntityType" TEXT NULL,
    "EntityId" TEXT NULL,
    "Pseudonym" TEXT NULL,
    "Basis" TEXT NULL,
    "BasisReason" TEXT NULL,
    "Outcome" TEXT NOT NULL,
    "Channel" TEXT NULL,
    "ClientAddress" TEXT NULL,
    "PreviousHash" TEXT NOT NULL,
    "Hash" TEXT NOT NULL
);

INSERT INTO "AuditEntries_new" ("Id", "Sequence", "At", "ActorId", "ActorOrganisationId", "ActorRoles", "OnBehalfOfId",
    "Action", "EntityType", "EntityId", "Pseudonym", "Basis", "BasisReason", "Outcome", "Channel", "ClientAddress",
    "PreviousHash", "Hash")
SELECT "Id", ROW_NUMBER() OVER (ORDER BY "At", "Id"), "At", "ActorId", "ActorOrganisationId", NULL, NULL,
    "Action", "EntityType", "EntityId", "Pseudonym", "Basis", NULL, "Outcome", "Channel", "ClientAddress", '', ''
FROM "AuditEntries";

DROP TABLE "AuditEntries";
ALTER TABLE "AuditEntries_new" RENAME TO "AuditEntries";
CREATE INDEX "IX_AuditEntries_ActorId" ON "AuditEntries" ("ActorId");
CREATE INDEX "IX_AuditEntries_At" ON "AuditEntries" ("At");
CREATE INDEX "IX_AuditEntries_EntityType_EntityId" ON "AuditEntries" ("EntityType", "EntityId");
CREATE UNIQUE INDEX "IX_AuditEntries_Sequence" ON "AuditEntries" ("Sequence");

CREATE TABLE "AuditChainHeads" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditChainHeads" PRIMARY KEY,
    "Sequence" INTEGER NOT NULL,
    "Hash" TEXT NOT NULL
);
INSERT INTO "AuditChainHeads" ("Id", "Sequence", "Hash") VALUES (1, 0, '');

-- The one update allowed: sealing an entry written before the chain existed (empty hash), touching only the hashes.
CREATE TRIGGER "AuditEntries_no_update" BEFORE UPDATE ON "AuditEntries"
WHEN OLD."Hash" <> '' OR NEW."Hash" = '' OR NEW."Id" IS NOT OLD."Id" OR NEW."Sequence" IS NOT OLD."Sequence"
    OR NEW."At" IS NOT OLD."At" OR NEW."ActorId" IS NOT OLD."ActorId" OR NEW."ActorOrganisationId" IS NOT OLD."ActorOrganisationId"
    OR NEW."ActorRoles" IS NOT OLD."ActorRoles" OR NEW."OnBehalfOfId" IS NOT OLD."OnBehalfOfId" OR NEW."Action" IS NOT OLD."Action"
    OR NEW."EntityType" IS NOT OLD."EntityType" OR NEW."EntityId" IS NOT OLD."EntityId" OR NEW."Pseudonym" IS NOT OLD."Pseudonym"
    OR NEW."Basis" IS NOT OLD."Basis" OR NEW."BasisReason" IS NOT OLD."BasisReason" OR NEW."Outcome" IS NOT OLD."Outcome"
    OR NEW."Channel" IS NOT OLD."Channel" OR NEW."ClientAddress" IS NOT OLD."ClientAddress"
BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
CREATE TRIGGER "AuditEntries_no_delete" BEFORE DELETE ON "AuditEntries"
BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
