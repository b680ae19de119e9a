-- Behaves as Teleport's pg_temp.teleport_remove_permissions (lib/srv/db/postgres/sql/remove-permissions.sql):
-- revokes every table privilege of the user in the current database unless it is connected to it.
CREATE OR REPLACE PROCEDURE pg_temp.teleport_remove_permissions(username varchar)
LANGUAGE plpgsql
AS $$
DECLARE
    target record;
BEGIN
    IF EXISTS (SELECT 1 FROM pg_stat_activity WHERE usename = username AND datname = current_database()) THEN
        RAISE NOTICE 'User has active connections to current database';
        RETURN;
    END IF;
    FOR target IN SELECT DISTINCT table_schema, table_name FROM information_schema.table_privileges
                   WHERE grantee = username LOOP
        EXECUTE 'REVOKE ALL PRIVILEGES ON ' || quote_ident(target.table_schema) || '.'
             || quote_ident(target.table_name) || ' FROM ' || quote_ident(username);
    END LOOP;
END;
$$;
