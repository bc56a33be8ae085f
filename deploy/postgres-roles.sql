-- Groepsconsult: separate owner and application roles on PostgreSQL (docs/security.md).
--
-- Why: the access log (audit_accessevent) is append-only through triggers (audit migration
-- 0002). A role that OWNS the table can drop or disable those triggers, so the role the web
-- app and cron run as must not own anything. Migrations run as the owner role; the app runs as
-- groepsconsult_app with data rights only, and INSERT/SELECT only on the audit tables.
--
-- Run as a superuser, once per database; re-run the GRANT block after each `migrate` that adds
-- tables (or rely on the DEFAULT PRIVILEGES below, which cover tables the owner creates later).
-- Replace the passwords (or use your secret store) before running.

CREATE ROLE groepsconsult_owner LOGIN PASSWORD 'change-me-owner';
CREATE ROLE groepsconsult_app LOGIN PASSWORD 'change-me-app';

-- The database and schema belong to the owner; the app may only use them. The owner's
-- migrations also create the pg_trgm extension (trusted since PostgreSQL 13) for name search.
ALTER DATABASE groepsconsult OWNER TO groepsconsult_owner;
\connect groepsconsult
ALTER SCHEMA public OWNER TO groepsconsult_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO groepsconsult_app;

-- Existing tables (after the first `migrate` as the owner).
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO groepsconsult_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO groepsconsult_app;
-- The access log: append and read only. TRUNCATE is never granted.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_accessevent FROM groepsconsult_app;

-- Tables the owner creates in later migrations get the same rights automatically.
ALTER DEFAULT PRIVILEGES FOR ROLE groepsconsult_owner IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO groepsconsult_app;
ALTER DEFAULT PRIVILEGES FOR ROLE groepsconsult_owner IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO groepsconsult_app;

-- Check: the app owns nothing and cannot touch the log's triggers.
--   SELECT tablename, tableowner FROM pg_tables WHERE schemaname = 'public';   -- all owner
--   SET ROLE groepsconsult_app; ALTER TABLE audit_accessevent DISABLE TRIGGER ALL;  -- must fail
