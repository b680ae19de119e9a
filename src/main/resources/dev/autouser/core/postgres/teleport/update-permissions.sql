-- Behaves as Teleport's pg_temp.teleport_update_permissions (lib/srv/db/postgres/sql/update-permissions.sql):
-- db_permissions as table grants ({"tables":[{"privilege","schema","table"}]}). A user connected to
-- the current database keeps its grants only if they are unchanged (TP005); otherwise they are replaced.
CREATE OR REPLACE PROCEDURE pg_temp.teleport_update_permissions(username varchar, permissions_ jsonb)
LANGUAGE plpgsql
AS $$
DECLARE
    wanted jsonb := COALESCE(permissions_ -> 'tables', '[]'::jsonb);
    item jsonb;
    removed integer;
    added integer;
BEGIN
    IF EXISTS (SELECT 1 FROM pg_stat_activity WHERE usename = username AND datname = current_database()) THEN
        CREATE TEMPORARY TABLE IF NOT EXISTS teleport_held_perms AS
            SELECT table_schema::text AS table_schema, table_name::text AS table_name, privilege_type::text AS privilege_type
              FROM information_schema.table_privileges WHERE false;
        TRUNCATE teleport_held_perms;
        INSERT INTO teleport_held_perms
            SELECT table_schema, table_name, privilege_type FROM information_schema.table_privileges WHERE grantee = username;
        SELECT count(*) INTO removed FROM (
            SELECT * FROM teleport_held_perms
            EXCEPT SELECT e ->> 'schema', e ->> 'table', e ->> 'privilege' FROM jsonb_array_elements(wanted) e) gone;
        SELECT count(*) INTO added FROM (
            SELECT e ->> 'schema', e ->> 'table', e ->> 'privilege' FROM jsonb_array_elements(wanted) e
            EXCEPT SELECT * FROM teleport_held_perms) fresh;
        IF removed > 0 OR added > 0 THEN
            RAISE WARNING 'Permission changes: removed=%, added=%', removed, added;
            RAISE EXCEPTION SQLSTATE 'TP005' USING MESSAGE = 'TP005: User has active connections and permissions have changed';
        END IF;
        RETURN;
    END IF;
    CALL pg_temp.teleport_remove_permissions(username);
    FOR item IN SELECT * FROM jsonb_array_elements(wanted) LOOP
        EXECUTE 'GRANT ' || (item ->> 'privilege') || ' ON TABLE ' || quote_ident(item ->> 'schema') || '.'
             || quote_ident(item ->> 'table') || ' TO ' || quote_ident(username);
    END LOOP;
END;
$$;
