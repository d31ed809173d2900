-- 0029 e-mail nudges (SQLite): a notification is also the e-mail outbox (its state and when its nudge went out), each
-- professional's choice for nudges and their bookkeeping (digest, retries) has a row of its own, and the unread count
-- in every page's header reads an index of its own (docs/adr/0032).
ALTER TABLE "Notifications" ADD COLUMN "EmailState" TEXT NULL;
ALTER TABLE "Notifications" ADD COLUMN "EmailedAt" INTEGER NULL;
CREATE INDEX "IX_Notifications_RecipientId_ReadAt" ON "Notifications" ("RecipientId", "ReadAt");
CREATE INDEX "IX_Notifications_EmailState_RecipientId" ON "Notifications" ("EmailState", "RecipientId");

CREATE TABLE "NotificationSettings" (
    "ProfessionalId" TEXT NOT NULL CONSTRAINT "PK_NotificationSettings" PRIMARY KEY,
    "EmailNudges" INTEGER NOT NULL,
    "LastEmailedAt" INTEGER NULL,
    "EmailFailures" INTEGER NOT NULL,
    "EmailRetryAt" INTEGER NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_NotificationSettings_AspNetUsers_ProfessionalId" FOREIGN KEY ("ProfessionalId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
