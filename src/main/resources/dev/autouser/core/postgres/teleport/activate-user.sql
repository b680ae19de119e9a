-- Behaves as Teleport's pg_temp.teleport_activate_user (lib/srv/db/postgres/sql/activate-user.sql):
-- re-activates a member of "teleport-auto-user" or creates the user in that group, then grants
-- the session's roles. A member with a live session keeps it only if its roles are unchanged (TP002).
CREATE OR REPLACE PROCEDURE pg_temp.teleport_activate_user(username varchar, roles varchar[])
LANGUAGE plpgsql
AS $$
DECLARE
    wanted varchar[] := COALESCE(roles, ARRAY[]::varchar[]);
    held varchar[];
    one_role varchar;
BEGIN
    IF EXISTS (SELECT 1 FROM pg_auth_members m
               WHERE m.roleid = (SELECT oid FROM pg_roles WHERE rolname = 'teleport-auto-user')
                 AND m.member = (SELECT oid FROM pg_roles WHERE rolname = username)) THEN
        IF EXISTS (SELECT 1 FROM pg_stat_activity WHERE usename = username) THEN
            SELECT COALESCE(CAST(array_agg(r.rolname) AS varchar[]), ARRAY[]::varchar[]) INTO held
              FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid
             WHERE m.member = (SELECT oid FROM pg_roles WHERE rolname = username)
               AND r.rolname <> 'teleport-auto-user';
            IF cardinality(wanted) = cardinality(held) AND wanted <@ held THEN
                RETURN;
            END IF;
            RAISE EXCEPTION SQLSTATE 'TP002' USING MESSAGE = 'TP002: User has active connections and roles have changed';
        END IF;
        -- Leftover roles from a session whose end was never processed go first.
        CALL pg_temp.teleport_deactivate_user(username);
        EXECUTE format('ALTER USER %I WITH LOGIN', username);
    ELSE
        -- Fails with "already exists" when a role of that name is outside the group.
        EXECUTE format('CREATE USER %I IN ROLE "teleport-auto-user"', username);
    END IF;
    FOREACH one_role IN ARRAY wanted LOOP
        EXECUTE format('GRANT %I TO %I', one_role, username);
    END LOOP;
END;
$$;
