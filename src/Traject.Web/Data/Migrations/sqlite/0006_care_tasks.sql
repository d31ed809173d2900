-- 0006 tasks in trajectories: screening at intake and the step plan (SQLite).
CREATE TABLE "CareTasks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CareTasks" PRIMARY KEY,
    "TrajectoryId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "OwnerId" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedById" TEXT NOT NULL,
    "CompletedAt" INTEGER NULL,
    "CompletedById" TEXT NULL,
    "CompletionNote" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_CareTasks_AspNetUsers_OwnerId" FOREIGN KEY ("OwnerId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CareTasks_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_CareTasks_OwnerId_CompletedAt_DueOn" ON "CareTasks" ("OwnerId", "CompletedAt", "DueOn");

CREATE INDEX "IX_CareTasks_TrajectoryId_CompletedAt_DueOn" ON "CareTasks" ("TrajectoryId", "CompletedAt", "DueOn");
