-- 0006 tasks in trajectories: screening at intake and the step plan (PostgreSQL).
CREATE TABLE "CareTasks" (
    "Id" uuid NOT NULL,
    "TrajectoryId" uuid NOT NULL,
    "Kind" character varying(48) NOT NULL,
    "OwnerId" uuid NOT NULL,
    "DueOn" date NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedById" uuid NOT NULL,
    "CompletedAt" timestamp with time zone,
    "CompletedById" uuid,
    "CompletionNote" character varying(2000),
    "Version" bigint NOT NULL,
    CONSTRAINT "PK_CareTasks" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_CareTasks_AspNetUsers_OwnerId" FOREIGN KEY ("OwnerId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CareTasks_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_CareTasks_OwnerId_CompletedAt_DueOn" ON "CareTasks" ("OwnerId", "CompletedAt", "DueOn");

CREATE INDEX "IX_CareTasks_TrajectoryId_CompletedAt_DueOn" ON "CareTasks" ("TrajectoryId", "CompletedAt", "DueOn");
