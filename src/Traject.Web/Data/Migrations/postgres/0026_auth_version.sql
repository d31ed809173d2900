-- 0026 auth version (PostgreSQL): one number the database raises whenever something a signed-in professional's
-- access rests on changes, so every node knows within a second when to forget the professionals it keeps in memory.
CREATE TABLE "AuthVersions" (
    "Id" integer NOT NULL,
    "Version" bigint NOT NULL,
    CONSTRAINT "PK_AuthVersions" PRIMARY KEY ("Id")
);
INSERT INTO "AuthVersions" ("Id", "Version") VALUES (1, 0);

CREATE FUNCTION traject_auth_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "AuthVersions" SET "Version" = "Version" + 1 WHERE "Id" = 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "AspNetUsers_auth_version_update" AFTER UPDATE ON "AspNetUsers" FOR EACH ROW
    WHEN (OLD."SecurityStamp" IS DISTINCT FROM NEW."SecurityStamp" OR OLD."IsActive" IS DISTINCT FROM NEW."IsActive"
       OR OLD."OrganisationId" IS DISTINCT FROM NEW."OrganisationId" OR OLD."TwoFactorEnabled" IS DISTINCT FROM NEW."TwoFactorEnabled"
       OR OLD."DisplayName" IS DISTINCT FROM NEW."DisplayName" OR OLD."Email" IS DISTINCT FROM NEW."Email")
    EXECUTE FUNCTION traject_auth_version_bump();
CREATE TRIGGER "AspNetUsers_auth_version_delete" AFTER DELETE ON "AspNetUsers" FOR EACH ROW
    EXECUTE FUNCTION traject_auth_version_bump();
CREATE TRIGGER "AspNetUserRoles_auth_version" AFTER INSERT OR DELETE ON "AspNetUserRoles" FOR EACH ROW
    EXECUTE FUNCTION traject_auth_version_bump();
CREATE TRIGGER "Organisations_auth_version_update" AFTER UPDATE ON "Organisations" FOR EACH ROW
    WHEN (OLD."IsActive" IS DISTINCT FROM NEW."IsActive" OR OLD."Kind" IS DISTINCT FROM NEW."Kind")
    EXECUTE FUNCTION traject_auth_version_bump();
CREATE TRIGGER "EndedSessions_auth_version_insert" AFTER INSERT ON "EndedSessions" FOR EACH ROW
    EXECUTE FUNCTION traject_auth_version_bump();
