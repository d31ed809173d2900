-- 0028 contact journal and attachments (SQLite): dated contact notes per trajectory with the text before each
-- correction, and attachments whose encrypted content is in a table of its own so listing never loads it (ADR 0031).
CREATE TABLE "Attachments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Attachments" PRIMARY KEY,
    "TrajectoryId" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "UploadedById" TEXT NOT NULL,
    "UploadedByOrganisationId" TEXT NOT NULL,
    "UploadedAt" INTEGER NOT NULL,
    "WithdrawnAt" INTEGER NULL,
    "WithdrawnById" TEXT NULL,
    "WithdrawnReason" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Attachments_AspNetUsers_UploadedById" FOREIGN KEY ("UploadedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Attachments_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ContactNotes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ContactNotes" PRIMARY KEY,
    "TrajectoryId" TEXT NOT NULL,
    "ContactOn" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "WithWhom" TEXT NOT NULL,
    "Discussed" TEXT NOT NULL,
    "Agreed" TEXT NULL,
    "FollowUpOn" TEXT NULL,
    "FollowUpTaskId" TEXT NULL,
    "AuthorId" TEXT NOT NULL,
    "AuthorOrganisationId" TEXT NOT NULL,
    "WrittenAt" INTEGER NOT NULL,
    "CorrectedAt" INTEGER NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_ContactNotes_AspNetUsers_AuthorId" FOREIGN KEY ("AuthorId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ContactNotes_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AttachmentContents" (
    "AttachmentId" TEXT NOT NULL CONSTRAINT "PK_AttachmentContents" PRIMARY KEY,
    "KeyVersion" INTEGER NOT NULL,
    "Data" BLOB NOT NULL,
    CONSTRAINT "FK_AttachmentContents_Attachments_AttachmentId" FOREIGN KEY ("AttachmentId") REFERENCES "Attachments" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ContactNoteRevisions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ContactNoteRevisions" PRIMARY KEY,
    "ContactNoteId" TEXT NOT NULL,
    "TrajectoryId" TEXT NOT NULL,
    "ContactOn" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "WithWhom" TEXT NOT NULL,
    "Discussed" TEXT NOT NULL,
    "Agreed" TEXT NULL,
    "ReplacedAt" INTEGER NOT NULL,
    "ReplacedById" TEXT NOT NULL,
    CONSTRAINT "FK_ContactNoteRevisions_AspNetUsers_ReplacedById" FOREIGN KEY ("ReplacedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ContactNoteRevisions_ContactNotes_ContactNoteId" FOREIGN KEY ("ContactNoteId") REFERENCES "ContactNotes" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Attachments_TrajectoryId_UploadedAt" ON "Attachments" ("TrajectoryId", "UploadedAt");

CREATE INDEX "IX_Attachments_UploadedById" ON "Attachments" ("UploadedById");

CREATE INDEX "IX_ContactNoteRevisions_ContactNoteId" ON "ContactNoteRevisions" ("ContactNoteId");

CREATE INDEX "IX_ContactNoteRevisions_ReplacedById" ON "ContactNoteRevisions" ("ReplacedById");

CREATE INDEX "IX_ContactNotes_AuthorId" ON "ContactNotes" ("AuthorId");

CREATE INDEX "IX_ContactNotes_TrajectoryId_ContactOn" ON "ContactNotes" ("TrajectoryId", "ContactOn");
