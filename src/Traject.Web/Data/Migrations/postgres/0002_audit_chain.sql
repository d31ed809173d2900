-- 0002 tamper-evident audit trail (PostgreSQL): sequence, hash chain, roles, on-behalf-of and basis reason on every
-- entry; the chain head; triggers that refuse any update, delete or truncate of entries.
-- Existing entries keep their order (time, then id) and are sealed into the chain by the migrate step.
ALTER TABLE "AuditEntries" ADD "Sequence" bigint NOT NULL DEFAULT 0;
ALTER TABLE "AuditEntries" ADD "ActorRoles" character varying(300);
ALTER TABLE "AuditEntries" ADD "OnBehalfOfId" uuid;
ALTER TABLE "AuditEntries" ADD "BasisReason" character varying(1000);
ALTER TABLE "AuditEntries" ADD "PreviousHash" character varying(64) NOT NULL DEFAULT '';
ALTER TABLE "AuditEntries" ADD "Hash" character varying(64) NOT NULL DEFAULT '';
UPDATE "AuditEntries" AS a SET "Sequence" = n.seq
FROM (SELECT "Id", ROW_NUMBER() OVER (ORDER BY "At", "Id") AS seq FROM "AuditEntries") AS n
WHERE a."Id" = n."Id";
ALTER TABLE "AuditEntries" ALTER COLUMN "Sequence" DROP DEFAULT;
ALTER TABLE "AuditEntries" ALTER COLUMN "PreviousHash" DROP DEFAULT;
ALTER TABLE "AuditEntries" ALTER COLUMN "Hash" DROP DEFAULT;
CREATE UNIQUE INDEX "IX_AuditEntries_Sequence" ON "AuditEntries" ("Sequence");

CREATE TABLE "AuditChainHeads" (
    "Id" integer NOT NULL,
    "Sequence" bigint NOT NULL,
    "Hash" character varying(64) NOT NULL,
    CONSTRAINT "PK_AuditChainHeads" PRIMARY KEY ("Id")
);
INSERT INTO "AuditChainHeads" ("Id", "Sequence", "Hash") VALUES (1, 0, '');

CREATE FUNCTION traject_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- The one update allowed: sealing an entry written before the chain existed (empty hash), touching only the hashes.
    IF TG_OP = 'UPDATE' AND OLD."Hash" = '' AND NEW."Hash" <> ''
        AND (NEW."Id", NEW."Sequence", NEW."At", NEW."ActorId", NEW."ActorOrganisationId", NEW."ActorRoles", NEW."OnBehalfOfId",
             NEW."Action", NEW."EntityType", NEW."EntityId", NEW."Pseudonym", NEW."Basis", NEW."BasisReason", NEW."Outcome",
             NEW."Channel", NEW."ClientAddress")
        IS NOT DISTINCT FROM
            (OLD."Id", OLD."Sequence", OLD."At", OLD."ActorId", OLD."ActorOrganisationId", OLD."ActorRoles", OLD."OnBehalfOfId",
             OLD."Action", OLD."EntityType", OLD."EntityId", OLD."Pseudonym", OLD."Basis", OLD."BasisReason", OLD."Outcome",
             OLD."Channel", OLD."ClientAddress") THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit entries are append-only';
END;
$$;
CREATE TRIGGER "AuditEntries_append_only" BEFORE UPDATE OR DELETE ON "AuditEntries"
    FOR EACH ROW EXECUTE FUNCTION traject_audit_append_only();
CREATE TRIGGER "AuditEntries_no_truncate" BEFORE TRUNCATE ON "AuditEntries"
    FOR EACH STATEMENT EXECUTE FUNCTION traject_audit_append_only();
