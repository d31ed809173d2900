-- 0013 care programmes (catalogue with versions and phases) and placements with phase changes and time-outs (SQLite).
-- A programme version and its phases are written once: the database refuses to change or delete them, so a placement
-- can always be read with the programme it began with. The built-in catalogue is stored by the reference-data seeding.
CREATE TABLE "CareProgrammes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CareProgrammes" PRIMARY KEY,
    "Code" TEXT NOT NULL,
    "CurrentNumber" INTEGER NOT NULL,
    "IsActive" INTEGER NOT NULL,
    "OrganisationId" TEXT NULL,
    "Places" INTEGER NULL,
    "Occupied" INTEGER NULL,
    "ExpectedWaitingWeeks" INTEGER NULL,
    "CapacityUpdatedAt" INTEGER NULL,
    "CapacityUpdatedById" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_CareProgrammes_AspNetUsers_CapacityUpdatedById" FOREIGN KEY ("CapacityUpdatedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CareProgrammes_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "CareProgrammeVersions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CareProgrammeVersions" PRIMARY KEY,
    "ProgrammeId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Provider" TEXT NOT NULL,
    "Settings" TEXT NOT NULL,
    "TargetGroup" TEXT NOT NULL,
    "MinAge" INTEGER NULL,
    "MaxAge" INTEGER NULL,
    "MaxDurationWeeks" INTEGER NULL,
    "AftercareWeeks" INTEGER NULL,
    "RequiredIndication" TEXT NOT NULL,
    "GroupComposition" TEXT NOT NULL,
    "Reach" TEXT NOT NULL,
    "RegionId" TEXT NULL,
    "SuitableForIntellectualDisability" INTEGER NULL,
    "FemaleStaffOnly" INTEGER NOT NULL,
    "ProtectedAddress" INTEGER NOT NULL,
    "Description" TEXT NULL,
    "PublishedAt" INTEGER NOT NULL,
    "PublishedById" TEXT NULL,
    CONSTRAINT "FK_CareProgrammeVersions_AspNetUsers_PublishedById" FOREIGN KEY ("PublishedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CareProgrammeVersions_CareProgrammes_ProgrammeId" FOREIGN KEY ("ProgrammeId") REFERENCES "CareProgrammes" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CareProgrammeVersions_Regions_RegionId" FOREIGN KEY ("RegionId") REFERENCES "Regions" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "CareProgrammePhases" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CareProgrammePhases" PRIMARY KEY,
    "ProgrammeVersionId" TEXT NOT NULL,
    "Order" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "TypicalWeeks" INTEGER NULL,
    "Phone" TEXT NOT NULL,
    "Internet" TEXT NOT NULL,
    "Leave" TEXT NOT NULL,
    "NetworkContact" TEXT NOT NULL,
    "Notes" TEXT NULL,
    CONSTRAINT "FK_CareProgrammePhases_CareProgrammeVersions_ProgrammeVersionId" FOREIGN KEY ("ProgrammeVersionId") REFERENCES "CareProgrammeVersions" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Placements" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Placements" PRIMARY KEY,
    "TrajectoryId" TEXT NOT NULL,
    "ProgrammeVersionId" TEXT NOT NULL,
    "OrganisationId" TEXT NOT NULL,
    "Setting" TEXT NOT NULL,
    "GroupComposition" TEXT NOT NULL,
    "MixedGroupArgument" TEXT NULL,
    "IndicationConfirmed" INTEGER NOT NULL,
    "StartedOn" TEXT NOT NULL,
    "PlannedEndOn" TEXT NULL,
    "EndedOn" TEXT NULL,
    "EndReason" TEXT NULL,
    "EndNote" TEXT NULL,
    "CurrentPhase" INTEGER NOT NULL,
    "NextStepDueOn" TEXT NULL,
    "NextPlace" TEXT NULL,
    "NextOrganisationId" TEXT NULL,
    "NextProgrammeId" TEXT NULL,
    "NextStepRecordedAt" INTEGER NULL,
    "NextStepRecordedById" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedById" TEXT NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Placements_AspNetUsers_CreatedById" FOREIGN KEY ("CreatedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Placements_CareProgrammeVersions_ProgrammeVersionId" FOREIGN KEY ("ProgrammeVersionId") REFERENCES "CareProgrammeVersions" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Placements_CareProgrammes_NextProgrammeId" FOREIGN KEY ("NextProgrammeId") REFERENCES "CareProgrammes" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Placements_Organisations_NextOrganisationId" FOREIGN KEY ("NextOrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Placements_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Placements_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlacementPhaseChanges" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PlacementPhaseChanges" PRIMARY KEY,
    "PlacementId" TEXT NOT NULL,
    "Phase" INTEGER NOT NULL,
    "StartedOn" TEXT NOT NULL,
    "DecidedById" TEXT NOT NULL,
    "DecidedAt" INTEGER NOT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_PlacementPhaseChanges_AspNetUsers_DecidedById" FOREIGN KEY ("DecidedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_PlacementPhaseChanges_Placements_PlacementId" FOREIGN KEY ("PlacementId") REFERENCES "Placements" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlacementTimeOuts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PlacementTimeOuts" PRIMARY KEY,
    "PlacementId" TEXT NOT NULL,
    "StartsOn" TEXT NOT NULL,
    "EndsOn" TEXT NOT NULL,
    "Place" TEXT NULL,
    "Reason" TEXT NOT NULL,
    "RecordedById" TEXT NOT NULL,
    "RecordedAt" INTEGER NOT NULL,
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

CREATE TRIGGER "CareProgrammeVersions_no_update" BEFORE UPDATE ON "CareProgrammeVersions"
BEGIN SELECT RAISE(ABORT, 'a care programme version cannot be changed'); END;
CREATE TRIGGER "CareProgrammeVersions_no_delete" BEFORE DELETE ON "CareProgrammeVersions"
BEGIN SELECT RAISE(ABORT, 'a care programme version cannot be deleted'); END;
CREATE TRIGGER "CareProgrammePhases_no_update" BEFORE UPDATE ON "CareProgrammePhases"
BEGIN SELECT RAISE(ABORT, 'a care programme version cannot be changed'); END;
CREATE TRIGGER "CareProgrammePhases_no_delete" BEFORE DELETE ON "CareProgrammePhases"
BEGIN SELECT RAISE(ABORT, 'a care programme version cannot be deleted'); END;
