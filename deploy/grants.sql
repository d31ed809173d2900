-- What the app role may do to the tables, after every `migrate` (docs/deployment.md). Run as the owner role; safe to run
-- again. psql -v ON_ERROR_STOP=1 -v app=traject_app -f deploy/grants.sql
\set ON_ERROR_STOP on
-- Rows of every table: read and write (no TRUNCATE, REFERENCES or TRIGGER: those stay with the owner).
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"app";
-- The audit trail (docs/adr/0006): the app reads and appends entries; only `migrate` (owner) seals old ones. The
-- triggers refuse updates and deletes from anyone; without the privilege the app is refused before they even run.
REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEntries" FROM :"app";
-- The chain's head: read, locked (SELECT … FOR UPDATE needs UPDATE) and moved; the migration made the one row.
REVOKE INSERT, DELETE, TRUNCATE ON "AuditChainHeads" FROM :"app";
-- Which migrations ran: read by /health/ready; written by `migrate` only.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "__SchemaVersions" FROM :"app";
