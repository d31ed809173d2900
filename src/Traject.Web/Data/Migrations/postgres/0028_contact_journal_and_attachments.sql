-- 0028 contact journal and attachments (PostgreSQL): dated contact notes per trajectory with the text before each
-- correction, and attachments whose encrypted content is in a table of its own so listing never loads it (ADR 0031).
CREATE TABLE "Attachments" (
    "Id" uuid NOT NULL,
    "TrajectoryId" uuid NOT NULL,
    "Category" character varying(32) NOT NULL,
    "Description" character varying(300) NOT NULL,
    "FileName" character varying(120) NOT NULL,
    "ContentType" character varying(64) NOT NULL,
    "Size" bigint NOT NULL,
    "Sha256" character varying(64) NOT NULL,
    "UploadedById" uuid NOT NULL,
    "UploadedByOrganisationId" uuid NOT NULL,
    "UploadedAt" timestamp with time zone NOT NULL,
    "WithdrawnAt" timestamp with time zone,
    "WithdrawnById" uuid,
    "WithdrawnReason" character varying(500),
    "Version" bigint NOT NULL,
    CONSTRAINT "PK_Attachments" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Attachments_AspNetUsers_UploadedById" FOREIGN KEY ("UploadedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Attachments_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ContactNotes" (
    "Id" uuid NOT NULL,
    "TrajectoryId" uuid NOT NULL,
    "ContactOn" date NOT NULL,
    "Kind" character varying(32) NOT NULL,
    "WithWhom" character varying(200) NOT NULL,
    "Discussed" character varying(4000) NOT NULL,
    "Agreed" character varying(4000),
    "FollowUpOn" date,
    "FollowUpTaskId" uuid,
    "AuthorId" uuid NOT NULL,
    "AuthorOrganisationId" uuid NOT NULL,
    "WrittenAt" timestamp with time zone NOT NULL,
    "CorrectedAt" timestamp with time zone,
    "Version" bigint NOT NULL,
    CONSTRAINT "PK_ContactNotes" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ContactNotes_AspNetUsers_AuthorId" FOREIGN KEY ("AuthorId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ContactNotes_Trajectories_TrajectoryId" FOREIGN KEY ("TrajectoryId") REFERENCES "Trajectories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AttachmentContents" (
    "AttachmentId" uuid NOT NULL,
    "KeyVersion" integer NOT NULL,
    "Data" bytea NOT NULL,
    CONSTRAINT "PK_AttachmentContents" PRIMARY KEY ("AttachmentId"),
    CONSTRAINT "FK_AttachmentContents_Attachments_AttachmentId" FOREIGN KEY ("AttachmentId") REFERENCES "Attachments" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ContactNoteRevisions" (
    "Id" uuid NOT NULL,
    "ContactNoteId" uuid NOT NULL,
    "TrajectoryId" uuid NOT NULL,
    "ContactOn" date NOT NULL,
    "Kind" character varying(32) NOT NULL,
    "WithWhom" character varying(200) NOT NULL,
    "Discussed" character varying(4000) NOT NULL,
    "Agreed" character varying(4000),
    "ReplacedAt" timestamp with time zone NOT NULL,
    "ReplacedById" uuid NOT NULL,
    CONSTRAINT "PK_ContactNoteRevisions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ContactNoteRevisions_AspNetUsers_ReplacedById" FOREIGN KEY ("ReplacedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ContactNoteRevisions_ContactNotes_ContactNoteId" FOREIGN KEY ("ContactNoteId") REFERENCES "ContactNotes" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Attachments_TrajectoryId_UploadedAt" ON "Attachments" ("TrajectoryId", "UploadedAt");

CREATE INDEX "IX_Attachments_UploadedById" ON "Attachments" ("UploadedById");

CREATE INDEX "IX_ContactNoteRevisions_ContactNoteId" ON "ContactNoteRevisions" ("ContactNoteId");

CREATE INDEX "IX_ContactNoteRevisions_ReplacedById" ON "ContactNoteRevisions" ("ReplacedById");

CREATE INDEX "IX_ContactNotes_AuthorId" ON "ContactNotes" ("AuthorId");

CREATE INDEX "IX_ContactNotes_TrajectoryId_ContactOn" ON "ContactNotes" ("TrajectoryId", "ContactOn");
