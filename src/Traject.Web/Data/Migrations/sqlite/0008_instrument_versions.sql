-- 0008 screening instrument versions (SQLite). The built-in version is stored by the reference-data seeding.
-- Once a screening has used a version, the database refuses any change to that row and its deletion.
CREATE TABLE "InstrumentVersions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_InstrumentVersions" PRIMARY KEY,
    "Version" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "PublishedAt" INTEGER NOT NULL,
    "PublishedById" TEXT NULL,
    "Content" TEXT NOT NULL,
    "SignalCount" INTEGER NOT NULL,
    "Used" INTEGER NOT NULL,
    "FirstUsedAt" INTEGER NULL,
    CONSTRAINT "FK_InstrumentVersions_AspNetUsers_PublishedById" FOREIGN KEY ("PublishedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_InstrumentVersions_PublishedById" ON "InstrumentVersions" ("PublishedById");

CREATE UNIQUE INDEX "IX_InstrumentVersions_Sequence" ON "InstrumentVersions" ("Sequence");

CREATE UNIQUE INDEX "IX_InstrumentVersions_Version" ON "InstrumentVersions" ("Version");

CREATE TRIGGER "InstrumentVersions_used_no_update" BEFORE UPDATE ON "InstrumentVersions"
WHEN OLD."Used" <> 0 AND (NEW."Id" IS NOT OLD."Id" OR NEW."Version" IS NOT OLD."Version" OR NEW."Sequence" IS NOT OLD."Sequence"
    OR NEW."PublishedAt" IS NOT OLD."PublishedAt" OR NEW."PublishedById" IS NOT OLD."PublishedById" OR NEW."Content" IS NOT OLD."Content"
    OR NEW."SignalCount" IS NOT OLD."SignalCount" OR NEW."Used" IS NOT OLD."Used" OR NEW."FirstUsedAt" IS NOT OLD."FirstUsedAt")
BEGIN SELECT RAISE(ABORT, 'a used instrument version cannot be changed'); END;
CREATE TRIGGER "InstrumentVersions_used_no_delete" BEFORE DELETE ON "InstrumentVersions"
WHEN OLD."Used" <> 0
BEGIN SELECT RAISE(ABORT, 'a used instrument version cannot be deleted'); END;
