-- 0010 signal pooling: signals about a young person from professionals outside her care team, and exact matching by date of birth (SQLite).
CREATE TABLE "PooledSignals" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PooledSignals" PRIMARY KEY,
    "Receipt" TEXT NOT NULL,
    "YoungPersonId" TEXT NOT NULL,
    "TrajectoryId" TEXT NOT NULL,
    "Code" TEXT NOT NULL,
    "InstrumentVersion" TEXT NOT NULL,
    "ObservedOn" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "Note" TEXT NULL,
    "ReceivedAt" INTEGER NOT NULL,
    "SignalledById" TEXT NOT NULL,
    "SignalledByOrganisationId" TEXT NOT NULL,
    CONSTRAINT "FK_PooledSignals_AspNetUsers_SignalledById" FOREIGN KEY ("SignalledById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_PooledSignals_Organisations_SignalledByOrganisationId" FOREIGN KEY ("SignalledByOrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_PooledSignals_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_PooledSignals_YoungPeople_YoungPersonId" FOREIGN KEY ("YoungPersonId") REFERENCES "YoungPeople" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_PooledSignals_SignalledById" ON "PooledSignals" ("SignalledById");

CREATE INDEX "IX_PooledSignals_SignalledByOrganisationId" ON "PooledSignals" ("SignalledByOrganisationId");

CREATE INDEX "IX_PooledSignals_TrajectoryId_ReceivedAt" ON "PooledSignals" ("TrajectoryId", "ReceivedAt");

CREATE INDEX "IX_PooledSignals_YoungPersonId" ON "PooledSignals" ("YoungPersonId");

CREATE INDEX "IX_YoungPeople_DateOfBirth" ON "YoungPeople" ("DateOfBirth");
