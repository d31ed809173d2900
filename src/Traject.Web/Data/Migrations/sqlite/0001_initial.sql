-- 0001 initial schema (SQLite). Hand-maintained: later changes go in new numbered files, never edit an applied one.
CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);


CREATE TABLE "AuditEntries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY,
    "At" INTEGER NOT NULL,
    "ActorId" TEXT NULL,
    "ActorOrganisationId" TEXT NULL,
    "Action" TEXT NOT NULL,
    "EntityType" TEXT NULL,
    "EntityId" TEXT NULL,
    "Pseudonym" TEXT NULL,
    "Basis" TEXT NULL,
    "Outcome" TEXT NOT NULL,
    "Channel" TEXT NULL,
    "ClientAddress" TEXT NULL
);


CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NOT NULL
);


CREATE TABLE "Regions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Regions" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "IsActive" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Organisations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Organisations" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "RegionId" TEXT NOT NULL,
    "IsActive" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Organisations_Regions_RegionId" FOREIGN KEY ("RegionId") REFERENCES "Regions" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "OrganisationId" TEXT NOT NULL,
    "IsActive" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" INTEGER NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL,
    CONSTRAINT "FK_AspNetUsers_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "YoungPeople" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_YoungPeople" PRIMARY KEY,
    "PseudonymCode" TEXT NOT NULL,
    "GivenName" TEXT NOT NULL,
    "FamilyName" TEXT NOT NULL,
    "DateOfBirth" TEXT NOT NULL,
    "Gender" TEXT NOT NULL,
    "Nationality" TEXT NOT NULL,
    "NationalityCountry" TEXT NULL,
    "Municipality" TEXT NOT NULL,
    "RegisteredAt" INTEGER NOT NULL,
    "RegisteredByOrganisationId" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_YoungPeople_Organisations_RegisteredByOrganisationId" FOREIGN KEY ("RegisteredByOrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Trajectories" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Trajectories" PRIMARY KEY,
    "YoungPersonId" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "LeadOrganisationId" TEXT NOT NULL,
    "CoordinatorId" TEXT NOT NULL,
    "StartedOn" TEXT NOT NULL,
    "OpenedAt" INTEGER NOT NULL,
    "ClosedAt" INTEGER NULL,
    "ClosingReason" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Trajectories_AspNetUsers_CoordinatorId" FOREIGN KEY ("CoordinatorId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Trajectories_Organisations_LeadOrganisationId" FOREIGN KEY ("LeadOrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Trajectories_YoungPeople_YoungPersonId" FOREIGN KEY ("YoungPersonId") REFERENCES "YoungPeople" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "CareTeamMemberships" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CareTeamMemberships" PRIMARY KEY,
    "TrajectoryId" TEXT NOT NULL,
    "ProfessionalId" TEXT NULL,
    "OrganisationId" TEXT NULL,
    "Role" TEXT NOT NULL,
    "From" TEXT NOT NULL,
    "To" TEXT NULL,
    "AddedById" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_CareTeamMemberships_AspNetUsers_ProfessionalId" FOREIGN KEY ("ProfessionalId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CareTeamMemberships_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CareTeamMemberships_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);


CREATE TABLE "CoordinatorAssignments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CoordinatorAssignments" PRIMARY KEY,
    "TrajectoryId" TEXT NOT NULL,
    "ProfessionalId" TEXT NOT NULL,
    "Since" INTEGER NOT NULL,
    "Until" INTEGER NULL,
    "AssignedById" TEXT NOT NULL,
    CONSTRAINT "FK_CoordinatorAssignments_AspNetUsers_ProfessionalId" FOREIGN KEY ("ProfessionalId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CoordinatorAssignments_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);


CREATE TABLE "TimelineEvents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_TimelineEvents" PRIMARY KEY,
    "TrajectoryId" TEXT NOT NULL,
    "OccurredAt" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "ActorId" TEXT NOT NULL,
    "ActorOrganisationId" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    "Link" TEXT NULL,
    CONSTRAINT "FK_TimelineEvents_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);


CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");


CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");


CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");


CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");


CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");


CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");


CREATE INDEX "IX_AspNetUsers_OrganisationId" ON "AspNetUsers" ("OrganisationId");


CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");


CREATE INDEX "IX_AuditEntries_ActorId" ON "AuditEntries" ("ActorId");


CREATE INDEX "IX_AuditEntries_At" ON "AuditEntries" ("At");


CREATE INDEX "IX_AuditEntries_EntityType_EntityId" ON "AuditEntries" ("EntityType", "EntityId");


CREATE INDEX "IX_CareTeamMemberships_OrganisationId" ON "CareTeamMemberships" ("OrganisationId");


CREATE INDEX "IX_CareTeamMemberships_ProfessionalId" ON "CareTeamMemberships" ("ProfessionalId");


CREATE INDEX "IX_CareTeamMemberships_TrajectoryId" ON "CareTeamMemberships" ("TrajectoryId");


CREATE INDEX "IX_CoordinatorAssignments_ProfessionalId" ON "CoordinatorAssignments" ("ProfessionalId");


CREATE INDEX "IX_CoordinatorAssignments_TrajectoryId" ON "CoordinatorAssignments" ("TrajectoryId");


CREATE UNIQUE INDEX "IX_Organisations_Name" ON "Organisations" ("Name");


CREATE INDEX "IX_Organisations_RegionId" ON "Organisations" ("RegionId");


CREATE UNIQUE INDEX "IX_Regions_Name" ON "Regions" ("Name");


CREATE INDEX "IX_TimelineEvents_TrajectoryId_OccurredAt" ON "TimelineEvents" ("TrajectoryId", "OccurredAt");


CREATE INDEX "IX_Trajectories_CoordinatorId" ON "Trajectories" ("CoordinatorId");


CREATE INDEX "IX_Trajectories_LeadOrganisationId_Status" ON "Trajectories" ("LeadOrganisationId", "Status");


CREATE INDEX "IX_Trajectories_YoungPersonId" ON "Trajectories" ("YoungPersonId");


CREATE UNIQUE INDEX "IX_YoungPeople_PseudonymCode" ON "YoungPeople" ("PseudonymCode");


CREATE INDEX "IX_YoungPeople_RegisteredByOrganisationId" ON "YoungPeople" ("RegisteredByOrganisationId");



