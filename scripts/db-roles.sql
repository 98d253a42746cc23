-- Least-privilege database role for the app server (PostgreSQL only; issue 11, point 7).
--
-- `npm run db:migrate` connects as the role that owns the tables (the "owner"). The app server should not: it
-- connects as a login role that is a member of `spasmcare_app`, which this script gives the rights the app needs
-- and no more:
--   - SELECT, INSERT, UPDATE, DELETE on every table in schema public, except audit_events;
--   - audit_events: SELECT and INSERT only. No UPDATE, DELETE or TRUNCATE (refused as "permission denied", before
--     the append-only trigger of migration 0001 is even reached), and, not being the owner, the app cannot
--     disable or drop that trigger either;
--   - USAGE on the sequences (nextval for audit_events.id), not UPDATE (no setval);
--   - no TRUNCATE, REFERENCES or TRIGGER anywhere, no access to the `drizzle` schema (the migrations journal), no
--     CREATE in schema public (PostgreSQL 15+ default; on 14 and older run
--     `REVOKE CREATE ON SCHEMA public FROM PUBLIC;` once as the schema's owner).
--
-- Run it as the owner, against the app's database, once and again after every `npm run db:migrate` (it is
-- idempotent and converges: whatever was granted to spasmcare_app before is replaced by the above):
--   psql "$OWNER_DATABASE_URL" -v ON_ERROR_STOP=1 -f scripts/db-roles.sql
-- Then, once, as a role with CREATEROLE, create the server's login role and point DATABASE_URL at it:
--   CREATE ROLE spasmcare_web LOGIN PASSWORD '…' IN ROLE spasmcare_app;
-- If the owner has no CREATEROLE, create the group role first the same way: CREATE ROLE spasmcare_app NOLOGIN;
-- Tested by scripts/db-roles.test.ts (with TEST_DATABASE_URL).

BEGIN;

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'spasmcare_app') THEN
    CREATE ROLE spasmcare_app NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object THEN
  NULL; -- created meanwhile by another session
END $$;

-- The database's owner (or a superuser) may grant CONNECT; PUBLIC has it by default, so this only matters where it
-- was revoked from PUBLIC.
DO $$
BEGIN
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO spasmcare_app', current_database());
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'not the database owner: CONNECT on % not granted to spasmcare_app', current_database();
END $$;

GRANT USAGE ON SCHEMA public TO spasmcare_app;

-- Start from nothing, so a right granted by hand earlier (say UPDATE on audit_events) does not survive a re-run.
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM spasmcare_app;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM spasmcare_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO spasmcare_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO spasmcare_app;

-- The audit trail is append-only for the app.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM spasmcare_app;

-- Tables a later migration creates (as this owner) are usable by the app before this script is re-run. Re-running
-- it is still required: a table that must be append-only needs its REVOKE above.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO spasmcare_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE ON SEQUENCES TO spasmcare_app;

COMMIT;
