-- 0011 web sessions ended by a plain log-out, kept until their absolute end (PostgreSQL).
CREATE TABLE "EndedSessions" (
    "Id" uuid NOT NULL,
    "EndedAt" timestamp with time zone NOT NULL,
    "ExpiresAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_EndedSessions" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_EndedSessions_ExpiresAt" ON "EndedSessions" ("ExpiresAt");
