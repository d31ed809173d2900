-- 0011 web sessions ended by a plain log-out, kept until their absolute end (SQLite).
CREATE TABLE "EndedSessions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EndedSessions" PRIMARY KEY,
    "EndedAt" INTEGER NOT NULL,
    "ExpiresAt" INTEGER NOT NULL
);

CREATE INDEX "IX_EndedSessions_ExpiresAt" ON "EndedSessions" ("ExpiresAt");
