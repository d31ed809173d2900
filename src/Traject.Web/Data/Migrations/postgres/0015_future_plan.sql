-- 0015 the future plan (goals in her words, steps, history) and the continuity checklist for turning 18 (PostgreSQL).
CREATE TABLE "FuturePlanChanges" (
    "Id" uuid NOT NULL,
    "TrajectoryId" uuid NOT NULL,
    "ChangedAt" timestamp with time zone NOT NULL,
    "ChangedById" uuid NOT NULL,
    "Domain" character varying(32) NOT NULL,
    "ItemId" uuid NOT NULL,
    "Summary" character varying(400) NOT NULL,
    "Before" character varying(1000),
    "After" character varying(1000),
    CONSTRAINT "PK_FuturePlanChanges" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_FuturePlanChanges_AspNetUsers_ChangedById" FOREIGN KEY ("ChangedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_FuturePlanChanges_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "FuturePlanGoals" (
    "Id" uuid NOT NULL,
    "TrajectoryId" uuid NOT NULL,
    "Domain" character varying(32) NOT NULL,
    "InHerWords" character varying(1000) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedById" uuid NOT NULL,
    "Version" bigint NOT NULL,
    CONSTRAINT "PK_FuturePlanGoals" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_FuturePlanGoals_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ContinuityChecklists" (
    "Id" uuid NOT NULL,
    "TrajectoryId" uuid NOT NULL,
    "StartedAt" timestamp with time zone NOT NULL,
    "TaskId" uuid,
    "UpdatedAt" timestamp with time zone,
    "UpdatedById" uuid,
    "Version" bigint NOT NULL,
    CONSTRAINT "PK_ContinuityChecklists" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ContinuityChecklists_CareTasks_TaskId" FOREIGN KEY ("TaskId") REFERENCES "CareTasks" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_ContinuityChecklists_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "FuturePlanSteps" (
    "Id" uuid NOT NULL,
    "TrajectoryId" uuid NOT NULL,
    "GoalId" uuid NOT NULL,
    "Description" character varying(500) NOT NULL,
    "OwnerKind" character varying(16) NOT NULL,
    "OwnerProfessionalId" uuid,
    "OwnerName" character varying(100),
    "DueOn" date NOT NULL,
    "Status" character varying(16) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedById" uuid NOT NULL,
    "Version" bigint NOT NULL,
    CONSTRAINT "PK_FuturePlanSteps" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_FuturePlanSteps_AspNetUsers_OwnerProfessionalId" FOREIGN KEY ("OwnerProfessionalId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_FuturePlanSteps_FuturePlanGoals_GoalId" FOREIGN KEY ("GoalId") REFERENCES "FuturePlanGoals" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_FuturePlanSteps_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ContinuityChecklistItems" (
    "Id" uuid NOT NULL,
    "ChecklistId" uuid NOT NULL,
    "Item" character varying(32) NOT NULL,
    "State" character varying(16) NOT NULL,
    "Note" character varying(500),
    CONSTRAINT "PK_ContinuityChecklistItems" PRIMARY KEY ("Id"),
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
