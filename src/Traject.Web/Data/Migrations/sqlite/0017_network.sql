-- 0017 network analysis: encrypted entries and links, keyed hashes of identifiers, overlap alerts, and the network key ring (SQLite).
CREATE TABLE "NetworkProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_NetworkProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NOT NULL
);

CREATE TABLE "NetworkEntries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_NetworkEntries" PRIMARY KEY,
    "TrajectoryId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Content" TEXT NOT NULL,
    "RecordedAt" INTEGER NOT NULL,
    "RecordedById" TEXT NOT NULL,
    "ChangedAt" INTEGER NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_NetworkEntries_AspNetUsers_RecordedById" FOREIGN KEY ("RecordedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_NetworkEntries_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "NetworkIdentifiers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_NetworkIdentifiers" PRIMARY KEY,
    "EntryId" TEXT NOT NULL,
    "TrajectoryId" TEXT NOT NULL,
    "YoungPersonId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Hash" TEXT NOT NULL,
    CONSTRAINT "FK_NetworkIdentifiers_NetworkEntries_EntryId" FOREIGN KEY ("EntryId") REFERENCES "NetworkEntries" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_NetworkIdentifiers_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_NetworkIdentifiers_YoungPeople_YoungPersonId" FOREIGN KEY ("YoungPersonId") REFERENCES "YoungPeople" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "NetworkLinks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_NetworkLinks" PRIMARY KEY,
    "TrajectoryId" TEXT NOT NULL,
    "FromEntryId" TEXT NOT NULL,
    "ToEntryId" TEXT NOT NULL,
    "Content" TEXT NOT NULL,
    "RecordedAt" INTEGER NOT NULL,
    "RecordedById" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_NetworkLinks_AspNetUsers_RecordedById" FOREIGN KEY ("RecordedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_NetworkLinks_NetworkEntries_FromEntryId" FOREIGN KEY ("FromEntryId") REFERENCES "NetworkEntries" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_NetworkLinks_NetworkEntries_ToEntryId" FOREIGN KEY ("ToEntryId") REFERENCES "NetworkEntries" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_NetworkLinks_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "NetworkOverlapAlerts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_NetworkOverlapAlerts" PRIMARY KEY,
    "TrajectoryId" TEXT NOT NULL,
    "EntryId" TEXT NULL,
    "OtherTrajectoryId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Hash" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "DismissedAt" INTEGER NULL,
    "DismissedById" TEXT NULL,
    "DismissalReason" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_NetworkOverlapAlerts_AspNetUsers_DismissedById" FOREIGN KEY ("DismissedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_NetworkOverlapAlerts_NetworkEntries_EntryId" FOREIGN KEY ("EntryId") REFERENCES "NetworkEntries" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_NetworkOverlapAlerts_Trajectories_OtherTrajectoryId" FOREIGN KEY ("OtherTrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_NetworkOverlapAlerts_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_NetworkEntries_RecordedById" ON "NetworkEntries" ("RecordedById");

CREATE INDEX "IX_NetworkEntries_TrajectoryId" ON "NetworkEntries" ("TrajectoryId");

CREATE INDEX "IX_NetworkIdentifiers_EntryId" ON "NetworkIdentifiers" ("EntryId");

CREATE INDEX "IX_NetworkIdentifiers_Hash" ON "NetworkIdentifiers" ("Hash");

CREATE INDEX "IX_NetworkIdentifiers_TrajectoryId" ON "NetworkIdentifiers" ("TrajectoryId");

CREATE INDEX "IX_NetworkIdentifiers_YoungPersonId" ON "NetworkIdentifiers" ("YoungPersonId");

CREATE INDEX "IX_NetworkLinks_FromEntryId" ON "NetworkLinks" ("FromEntryId");

CREATE INDEX "IX_NetworkLinks_RecordedById" ON "NetworkLinks" ("RecordedById");

CREATE INDEX "IX_NetworkLinks_ToEntryId" ON "NetworkLinks" ("ToEntryId");

CREATE INDEX "IX_NetworkLinks_TrajectoryId" ON "NetworkLinks" ("TrajectoryId");

CREATE INDEX "IX_NetworkOverlapAlerts_DismissedById" ON "NetworkOverlapAlerts" ("DismissedById");

CREATE INDEX "IX_NetworkOverlapAlerts_EntryId" ON "NetworkOverlapAlerts" ("EntryId");

CREATE INDEX "IX_NetworkOverlapAlerts_OtherTrajectoryId_TrajectoryId" ON "NetworkOverlapAlerts" ("OtherTrajectoryId", "TrajectoryId");

CREATE UNIQUE INDEX "IX_NetworkOverlapAlerts_TrajectoryId_OtherTrajectoryId_Hash" ON "NetworkOverlapAlerts" ("TrajectoryId", "OtherTrajectoryId", "Hash");
