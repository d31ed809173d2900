-- 0015 the future plan (goals in her words, steps, history) and the continuity checklist for turning 18 (SQLite).
CREATE TABLE "FuturePlanChanges" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_FuturePlanChanges" PRIMARY KEY,
    "TrajectoryId" TEXT NOT NULL,
    "ChangedAt" INTEGER NOT NULL,
    "ChangedById" TEXT NOT NULL,
    "Domain" TEXT NOT NULL,
    "ItemId" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    "Before" TEXT NULL,
    "After" TEXT NULL,
    CONSTRAINT "FK_FuturePlanChanges_AspNetUsers_ChangedById" FOREIGN KEY ("ChangedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_FuturePlanChanges_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "FuturePlanGoals" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_FuturePlanGoals" PRIMARY KEY,
    "TrajectoryId" TEXT NOT NULL,
    "Domain" TEXT NOT NULL,
    "InHerWords" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedById" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_FuturePlanGoals_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ContinuityChecklists" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ContinuityChecklists" PRIMARY KEY,
    "TrajectoryId" TEXT NOT NULL,
    "StartedAt" INTEGER NOT NULL,
    "TaskId" TEXT NULL,
    "UpdatedAt" INTEGER NULL,
    "UpdatedById" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_ContinuityChecklists_CareTasks_TaskId" FOREIGN KEY ("TaskId") REFERENCES "CareTasks" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_ContinuityChecklists_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "FuturePlanSteps" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_FuturePlanSteps" PRIMARY KEY,
    "TrajectoryId" TEXT NOT NULL,
    "GoalId" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "OwnerKind" TEXT NOT NULL,
    "OwnerProfessionalId" TEXT NULL,
    "OwnerName" TEXT NULL,
    "DueOn" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedById" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_FuturePlanSteps_AspNetUsers_OwnerProfessionalId" FOREIGN KEY ("OwnerProfessionalId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_FuturePlanSteps_FuturePlanGoals_GoalId" FOREIGN KEY ("GoalId") REFERENCES "FuturePlanGoals" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_FuturePlanSteps_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ContinuityChecklistItems" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ContinuityChecklistItems" PRIMARY KEY,
    "ChecklistId" TEXT NOT NULL,
    "Item" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_ContinuityChecklistItems_ContinuityChecklists_ChecklistId" FOREIGN KEY ("ChecklistId") REFERENCES "ContinuityChecklists" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_ContinuityChecklistItems_ChecklistId_Item" ON "ContinuityChecklistItems" ("ChecklistId", "Item");

CREATE INDEX "IX_ContinuityChecklists_TaskId" ON "ContinuityChecklists" ("TaskId");

CREATE UNIQUE INDEX "IX_ContinuityChecklists_TrajectoryId" ON "ContinuityChecklists" ("TrajectoryId");

CREATE INDEX "IX_FuturePlanChanges_ChangedById" ON "FuturePlanChanges" ("ChangedById");

CREATE INDEX "IX_FuturePlanChanges_TrajectoryId_ChangedAt" ON "FuturePlanChanges" ("TrajectoryId", "ChangedAt");

CREATE INDEX "IX_FuturePlanGoals_TrajectoryId_Domain" ON "FuturePlanGoals" ("TrajectoryId", "Domain");

CREATE INDEX "IX_FuturePlanSteps_GoalId" ON "FuturePlanSteps" ("GoalId");

CREATE INDEX "IX_FuturePlanSteps_OwnerProfessionalId" ON "FuturePlanSteps" ("OwnerProfessionalId");

CREATE INDEX "IX_FuturePlanSteps_TrajectoryId_DueOn" ON "FuturePlanSteps" ("TrajectoryId", "DueOn");
