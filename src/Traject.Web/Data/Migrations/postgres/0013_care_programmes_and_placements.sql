-- 0013 care programmes (catalogue with versions and phases) and placements with phase changes and time-outs (PostgreSQL).
-- A programme version and its phases are written once: the database refuses to change, delete or truncate them, so a
-- placement can always be read with the programme it began with. The built-in catalogue is stored by the reference-data seeding.
CREATE TABLE "CareProgrammes" (
    "Id" uuid NOT NULL,
    "Code" character varying(64) NOT NULL,
    "CurrentNumber" integer NOT NULL,
    "IsActive" boolean NOT NULL,
    "OrganisationId" uuid,
    "Places" integer,
    "Occupied" integer,
    "ExpectedWaitingWeeks" integer,
    "CapacityUpdatedAt" timestamp with time zone,
    "CapacityUpdatedById" uuid,
    "Version" bigint NOT NULL,
    CONSTRAINT "PK_CareProgrammes" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_CareProgrammes_AspNetUsers_CapacityUpdatedById" FOREIGN KEY ("CapacityUpdatedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CareProgrammes_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "CareProgrammeVersions" (
    "Id" uuid NOT NULL,
    "ProgrammeId" uuid NOT NULL,
    "Number" integer NOT NULL,
    "Name" character varying(200) NOT NULL,
    "Provider" character varying(200) NOT NULL,
    "Settings" character varying(120) NOT NULL,
    "TargetGroup" character varying(2000) NOT NULL,
    "MinAge" integer,
    "MaxAge" integer,
    "MaxDurationWeeks" integer,
    "AftercareWeeks" integer,
    "RequiredIndication" character varying(24) NOT NULL,
    "GroupComposition" character varying(16) NOT NULL,
    "Reach" character varying(16) NOT NULL,
    "RegionId" uuid,
    "SuitableForIntellectualDisability" boolean,
    "FemaleStaffOnly" boolean NOT NULL,
    "ProtectedAddress" boolean NOT NULL,
    "Description" character varying(2000),
    "PublishedAt" timestamp with time zone NOT NULL,
    "PublishedById" uuid,
    CONSTRAINT "PK_CareProgrammeVersions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_CareProgrammeVersions_AspNetUsers_PublishedById" FOREIGN KEY ("PublishedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CareProgrammeVersions_CareProgrammes_ProgrammeId" FOREIGN KEY ("ProgrammeId") REFERENCES "CareProgrammes" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CareProgrammeVersions_Regions_RegionId" FOREIGN KEY ("RegionId") REFERENCES "Regions" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "CareProgrammePhases" (
    "Id" uuid NOT NULL,
    "ProgrammeVersionId" uuid NOT NULL,
    "Order" integer NOT NULL,
    "Name" character varying(100) NOT NULL,
    "TypicalWeeks" integer,
    "Phone" character varying(16) NOT NULL,
    "Internet" character varying(16) NOT NULL,
    "Leave" character varying(16) NOT NULL,
    "NetworkContact" character varying(16) NOT NULL,
    "Notes" character varying(1000),
    CONSTRAINT "PK_CareProgrammePhases" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_CareProgrammePhases_CareProgrammeVersions_ProgrammeVersionId" FOREIGN KEY ("ProgrammeVersionId") REFERENCES "CareProgrammeVersions" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Placements" (
    "Id" uuid NOT NULL,
    "TrajectoryId" uuid NOT NULL,
    "ProgrammeVersionId" uuid NOT NULL,
    "OrganisationId" uuid NOT NULL,
    "Setting" character varying(16) NOT NULL,
    "GroupComposition" character varying(16) NOT NULL,
    "MixedGroupArgument" character varying(2000),
    "IndicationConfirmed" boolean NOT NULL,
    "StartedOn" date NOT NULL,
    "PlannedEndOn" date,
    "EndedOn" date,
    "EndReason" character varying(24),
    "EndNote" character varying(1000),
    "CurrentPhase" integer NOT NULL,
    "NextStepDueOn" date,
    "NextPlace" character varying(300),
    "NextOrganisationId" uuid,
    "NextProgrammeId" uuid,
    "NextStepRecordedAt" timestamp with time zone,
    "NextStepRecordedById" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedById" uuid NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" bigint NOT NULL,
    CONSTRAINT "PK_Placements" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Placements_AspNetUsers_CreatedById" FOREIGN KEY ("CreatedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Placements_CareProgrammeVersions_ProgrammeVersionId" FOREIGN KEY ("ProgrammeVersionId") REFERENCES "CareProgrammeVersions" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Placements_CareProgrammes_NextProgrammeId" FOREIGN KEY ("NextProgrammeId") REFERENCES "CareProgrammes" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Placements_Organisations_NextOrganisationId" FOREIGN KEY ("NextOrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Placements_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Placements_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlacementPhaseChanges" (
    "Id" uuid NOT NULL,
    "PlacementId" uuid NOT NULL,
    "Phase" integer NOT NULL,
    "StartedOn" date NOT NULL,
    "DecidedById" uuid NOT NULL,
    "DecidedAt" timestamp with time zone NOT NULL,
    "Note" character varying(1000),
    CONSTRAINT "PK_PlacementPhaseChanges" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_PlacementPhaseChanges_AspNetUsers_DecidedById" FOREIGN KEY ("DecidedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_PlacementPhaseChanges_Placements_PlacementId" FOREIGN KEY ("PlacementId") REFERENCES "Placements" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlacementTimeOuts" (
    "Id" uuid NOT NULL,
    "PlacementId" uuid NOT NULL,
    "StartsOn" date NOT NULL,
    "EndsOn" date NOT NULL,
    "Place" character varying(200),
    "Reason" character varying(1000) NOT NULL,
    "RecordedById" uuid NOT NULL,
    "RecordedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_PlacementTimeOuts" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_PlacementTimeOuts_AspNetUsers_RecordedById" FOREIGN KEY ("RecordedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_PlacementTimeOuts_Placements_PlacementId" FOREIGN KEY ("PlacementId") REFERENCES "Placements" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_CareProgrammes_CapacityUpdatedById" ON "CareProgrammes" ("CapacityUpdatedById");

CREATE UNIQUE INDEX "IX_CareProgrammes_Code" ON "CareProgrammes" ("Code");

CREATE INDEX "IX_CareProgrammes_OrganisationId" ON "CareProgrammes" ("OrganisationId");

CREATE UNIQUE INDEX "IX_CareProgrammeVersions_ProgrammeId_Number" ON "CareProgrammeVersions" ("ProgrammeId", "Number");

CREATE INDEX "IX_CareProgrammeVersions_PublishedById" ON "CareProgrammeVersions" ("PublishedById");

CREATE INDEX "IX_CareProgrammeVersions_RegionId" ON "CareProgrammeVersions" ("RegionId");

CREATE UNIQUE INDEX "IX_CareProgrammePhases_ProgrammeVersionId_Order" ON "CareProgrammePhases" ("ProgrammeVersionId", "Order");

CREATE INDEX "IX_Placements_CreatedById" ON "Placements" ("CreatedById");

CREATE INDEX "IX_Placements_NextOrganisationId" ON "Placements" ("NextOrganisationId");

CREATE INDEX "IX_Placements_NextProgrammeId" ON "Placements" ("NextProgrammeId");

CREATE INDEX "IX_Placements_OrganisationId" ON "Placements" ("OrganisationId");

CREATE INDEX "IX_Placements_ProgrammeVersionId" ON "Placements" ("ProgrammeVersionId");

CREATE INDEX "IX_Placements_TrajectoryId_StartedOn" ON "Placements" ("TrajectoryId", "StartedOn");

CREATE INDEX "IX_PlacementPhaseChanges_DecidedById" ON "PlacementPhaseChanges" ("DecidedById");

CREATE INDEX "IX_PlacementPhaseChanges_PlacementId" ON "PlacementPhaseChanges" ("PlacementId");

CREATE INDEX "IX_PlacementTimeOuts_PlacementId" ON "PlacementTimeOuts" ("PlacementId");

CREATE INDEX "IX_PlacementTimeOuts_RecordedById" ON "PlacementTimeOuts" ("RecordedById");

CREATE FUNCTION traject_care_programme_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a care programme version cannot be changed or deleted';
END;
$$;
CREATE TRIGGER "CareProgrammeVersions_immutable" BEFORE UPDATE OR DELETE ON "CareProgrammeVersions"
    FOR EACH ROW EXECUTE FUNCTION traject_care_programme_version_immutable();
CREATE TRIGGER "CareProgrammeVersions_no_truncate" BEFORE TRUNCATE ON "CareProgrammeVersions"
    FOR EACH STATEMENT EXECUTE FUNCTION traject_care_programme_version_immutable();
CREATE TRIGGER "CareProgrammePhases_immutable" BEFORE UPDATE OR DELETE ON "CareProgrammePhases"
    FOR EACH ROW EXECUTE FUNCTION traject_care_programme_version_immutable();
CREATE TRIGGER "CareProgrammePhases_no_truncate" BEFORE TRUNCATE ON "CareProgrammePhases"
    FOR EACH STATEMENT EXECUTE FUNCTION traject_care_programme_version_immutable();
