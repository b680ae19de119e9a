-- Behaves as Teleport's pg_temp.teleport_delete_user (lib/srv/db/postgres/sql/delete-user.sql):
-- drops the user when it has no session; a user who owns objects cannot be dropped (2BP01) and is
-- deactivated instead (state TP004). With a session: only a NOTICE, and the state stays TP003.
CREATE OR REPLACE PROCEDURE pg_temp.teleport_delete_user(username varchar, INOUT state varchar DEFAULT 'TP003')
LANGUAGE plpgsql
AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_stat_activity WHERE usename = username) THEN
        RAISE NOTICE 'User has active connections';
        RETURN;
    END IF;
    BEGIN
        EXECUTE format('DROP USER IF EXISTS %I', username);
    EXCEPTION WHEN SQLSTATE '2BP01' THEN
        state := 'TP004';
        CALL pg_temp.teleport_deactivate_user(username);
    END;
END;
$$;
