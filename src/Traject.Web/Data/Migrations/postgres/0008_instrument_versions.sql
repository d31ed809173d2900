-- 0008 screening instrument versions (PostgreSQL). The built-in version is stored by the reference-data seeding.
-- Once a screening has used a version, the database refuses any change to that row, its deletion and truncation.
CREATE TABLE "InstrumentVersions" (
    "Id" uuid NOT NULL,
    "Version" character varying(32) NOT NULL,
    "Sequence" bigint NOT NULL,
    "PublishedAt" timestamp with time zone NOT NULL,
    "PublishedById" uuid,
    "Content" text NOT NULL,
    "SignalCount" integer NOT NULL,
    "Used" boolean NOT NULL,
    "FirstUsedAt" timestamp with time zone,
    CONSTRAINT "PK_InstrumentVersions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_InstrumentVersions_AspNetUsers_PublishedById" FOREIGN KEY ("PublishedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_InstrumentVersions_PublishedById" ON "InstrumentVersions" ("PublishedById");

CREATE UNIQUE INDEX "IX_InstrumentVersions_Sequence" ON "InstrumentVersions" ("Sequence");

CREATE UNIQUE INDEX "IX_InstrumentVersions_Version" ON "InstrumentVersions" ("Version");

CREATE FUNCTION traject_instrument_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        IF EXISTS (SELECT 1 FROM "InstrumentVersions" WHERE "Used") THEN
            RAISE EXCEPTION 'a used instrument version cannot be deleted';
        END IF;
        RETURN NULL;
    END IF;
    IF OLD."Used" THEN
        IF TG_OP = 'DELETE' THEN
            RAISE EXCEPTION 'a used instrument version cannot be deleted';
        END IF;
        IF NEW IS DISTINCT FROM OLD THEN
            RAISE EXCEPTION 'a used instrument version cannot be changed';
        END IF;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER "InstrumentVersions_used_immutable" BEFORE UPDATE OR DELETE ON "InstrumentVersions"
    FOR EACH ROW EXECUTE FUNCTION traject_instrument_version_immutable();
CREATE TRIGGER "InstrumentVersions_used_no_truncate" BEFORE TRUNCATE ON "InstrumentVersions"
    FOR EACH STATEMENT EXECUTE FUNCTION traject_instrument_version_immutable();
