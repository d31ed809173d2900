-- 0010 signal pooling: signals about a young person from professionals outside her care team, and exact matching by date of birth (PostgreSQL).
CREATE TABLE "PooledSignals" (
    "Id" uuid NOT NULL,
    "Receipt" character varying(16) NOT NULL,
    "YoungPersonId" uuid NOT NULL,
    "TrajectoryId" uuid NOT NULL,
    "Code" character varying(64) NOT NULL,
    "InstrumentVersion" character varying(64) NOT NULL,
    "ObservedOn" date NOT NULL,
    "Source" character varying(32) NOT NULL,
    "Note" character varying(1000),
    "ReceivedAt" timestamp with time zone NOT NULL,
    "SignalledById" uuid NOT NULL,
    "SignalledByOrganisationId" uuid NOT NULL,
    CONSTRAINT "PK_PooledSignals" PRIMARY KEY ("Id"),
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
