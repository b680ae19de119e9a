-- Behaves as Teleport's pg_temp.teleport_deactivate_user (lib/srv/db/postgres/sql/deactivate-user.sql):
-- with no session left, revokes every role granted directly to the user except the group and
-- takes LOGIN away; with a session, only a NOTICE.
CREATE OR REPLACE PROCEDURE pg_temp.teleport_deactivate_user(username varchar)
LANGUAGE plpgsql
AS $$
DECLARE
    granted varchar;
BEGIN
    IF EXISTS (SELECT 1 FROM pg_stat_activity WHERE usename = username) THEN
        RAISE NOTICE 'User has active connections';
        RETURN;
    END IF;
    FOR granted IN
        SELECT r.rolname FROM pg_roles r
         WHERE r.rolname NOT IN (username, 'teleport-auto-user')
           AND r.oid IN (SELECT m.roleid FROM pg_auth_members m
                          WHERE m.member = (SELECT oid FROM pg_roles WHERE rolname = username))
    LOOP
        EXECUTE format('REVOKE %I FROM %I', granted, username);
    END LOOP;
    EXECUTE format('ALTER USER %I WITH NOLOGIN', username);
END;
$$;
