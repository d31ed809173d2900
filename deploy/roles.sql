-- Traject on PostgreSQL with least privilege (docs/deployment.md). Run once, as a superuser, with psql:
--   psql -v ON_ERROR_STOP=1 -v db=traject -v owner=traject_owner -v app=traject_app \
--        -v owner_password="$OWNER_PASSWORD" -v app_password="$APP_PASSWORD" -f deploy/roles.sql
-- Two login roles:
--   owner  owns the database, its schema and every table, trigger and function: it runs `migrate` (and
--          `create-admin`), nothing else; its password is used only for those and for backups.
--   app    what the app nodes log in as: read and write rows, nothing more. It cannot create, alter or drop anything,
--          so it cannot disable or drop the audit triggers (only a table's owner or a superuser can), cannot set
--          session_replication_role (superusers only), and by deploy/grants.sql may only read and append audit entries.
-- Neither is a superuser, may create databases or roles, or inherits anything.
\set ON_ERROR_STOP on
CREATE ROLE :"owner" LOGIN PASSWORD :'owner_password' NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION;
CREATE ROLE :"app" LOGIN PASSWORD :'app_password' NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION;
CREATE DATABASE :"db" OWNER :"owner" ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"db" TO :"app";

\connect :"db"
-- The schema belongs to the owner role (it inherits nothing, not even pg_database_owner); nobody else creates in it.
ALTER SCHEMA public OWNER TO :"owner";
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO :"app";
-- Tables and sequences the owner creates later (every migration) are readable and writable by the app at once;
-- grants.sql, run after every migrate, takes back what the app must not do to particular tables.
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO :"app";
