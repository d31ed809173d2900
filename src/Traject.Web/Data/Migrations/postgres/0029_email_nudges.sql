-- 0029 e-mail nudges (PostgreSQL): a notification is also the e-mail outbox (its state and when its nudge went out),
-- each professional's choice for nudges and their bookkeeping (digest, retries) has a row of its own, and the unread
-- count in every page's header reads an index of its own (docs/adr/0032).
ALTER TABLE "Notifications" ADD COLUMN "EmailState" character varying(16) NULL;
ALTER TABLE "Notifications" ADD COLUMN "EmailedAt" timestamp with time zone NULL;
CREATE INDEX "IX_Notifications_RecipientId_ReadAt" ON "Notifications" ("RecipientId", "ReadAt");
CREATE INDEX "IX_Notifications_EmailState_RecipientId" ON "Notifications" ("EmailState", "RecipientId");

CREATE TABLE "NotificationSettings" (
    "ProfessionalId" uuid NOT NULL,
    "EmailNudges" boolean NOT NULL,
    "LastEmailedAt" timestamp with time zone NULL,
    "EmailFailures" integer NOT NULL,
    "EmailRetryAt" timestamp with time zone NULL,
    "Version" bigint NOT NULL,
    CONSTRAINT "PK_NotificationSettings" PRIMARY KEY ("ProfessionalId"),
    CONSTRAINT "FK_NotificationSettings_AspNetUsers_ProfessionalId" FOREIGN KEY ("ProfessionalId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
