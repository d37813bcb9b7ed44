-- The portal runs as its own role (portal.db.user) while a schema owner runs the migrations
-- (portal.db.migration-user). The application role reads and writes rows, but may not rewrite history:
-- no UPDATE, DELETE or TRUNCATE on the audit trail (the trigger of V1 refuses them for everybody else).
-- When one role does both jobs (no migration user configured) there is nothing to grant.
DO $$
DECLARE
    app TEXT := '${app_role}';
BEGIN
    IF app = current_user THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', app);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', app);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM %I', app);
    EXECUTE format('REVOKE ALL ON flyway_schema_history FROM %I', app);
    -- tables and sequences of later migrations get the same rights
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', app);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO %I', app);
END
$$;
