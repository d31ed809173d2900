-- 0026 auth version (SQLite): one number the database raises whenever something a signed-in professional's access
-- rests on changes, so every node knows within a second when to forget the professionals it keeps in memory.
CREATE TABLE "AuthVersions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuthVersions" PRIMARY KEY,
    "Version" INTEGER NOT NULL
);
INSERT INTO "AuthVersions" ("Id", "Version") VALUES (1, 0);

CREATE TRIGGER "AspNetUsers_auth_version_update" AFTER UPDATE ON "AspNetUsers"
    WHEN OLD."SecurityStamp" IS NOT NEW."SecurityStamp" OR OLD."IsActive" IS NOT NEW."IsActive"
      OR OLD."OrganisationId" IS NOT NEW."OrganisationId" OR OLD."TwoFactorEnabled" IS NOT NEW."TwoFactorEnabled"
      OR OLD."DisplayName" IS NOT NEW."DisplayName" OR OLD."Email" IS NOT NEW."Email"
BEGIN
    UPDATE "AuthVersions" SET "Version" = "Version" + 1 WHERE "Id" = 1;
END;
CREATE TRIGGER "AspNetUsers_auth_version_delete" AFTER DELETE ON "AspNetUsers"
BEGIN
    UPDATE "AuthVersions" SET "Version" = "Version" + 1 WHERE "Id" = 1;
END;
CREATE TRIGGER "AspNetUserRoles_auth_version_insert" AFTER INSERT ON "AspNetUserRoles"
BEGIN
    UPDATE "AuthVersions" SET "Version" = "Version" + 1 WHERE "Id" = 1;
END;
CREATE TRIGGER "AspNetUserRoles_auth_version_delete" AFTER DELETE ON "AspNetUserRoles"
BEGIN
    UPDATE "AuthVersions" SET "Version" = "Version" + 1 WHERE "Id" = 1;
END;
CREATE TRIGGER "Organisations_auth_version_update" AFTER UPDATE ON "Organisations"
    WHEN OLD."IsActive" IS NOT NEW."IsActive" OR OLD."Kind" IS NOT NEW."Kind"
BEGIN
    UPDATE "AuthVersions" SET "Version" = "Version" + 1 WHERE "Id" = 1;
END;
CREATE TRIGGER "EndedSessions_auth_version_insert" AFTER INSERT ON "EndedSessions"
BEGIN
    UPDATE "AuthVersions" SET "Version" = "Version" + 1 WHERE "Id" = 1;
END;
