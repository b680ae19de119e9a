package dev.autouser.core.postgres;

/**
 * The statements that change PostgreSQL auto-users, each ONE {@code DO} block so that its checks and
 * its change are one transaction, and every check runs on the server in that transaction rather than
 * only in the console's plan: the role must still be a member of {@code teleport-auto-user}
 * ({@code AU001} otherwise: never a role outside the group), and must have no session in
 * {@code pg_stat_activity} ({@code AU002}). Names are quoted in the text ({@link SqlText}), so
 * {@link SqlCommand#shellText()} is exactly what runs and can be pasted into psql.
 *
 * <p>The lock follows Teleport's {@code teleport_deactivate_user} (lib/srv/db/postgres/sql/deactivate-user.sql):
 * {@code NOLOGIN} first and committed, so no new session can start; then, in a second transaction, the
 * session check and the revocation of every direct role. A session that authenticated before the
 * {@code NOLOGIN} took effect makes the second step refuse, and the console gives the login back.
 */
public final class AutoUserSql {
    public static final String GROUP = PostgresFacts.GROUP;

    private AutoUserSql() {
    }

    /** Step 1 of a lock: checks, then {@code ALTER ROLE ... NOLOGIN}. */
    public static SqlCommand disableLogin(String database, String role) {
        return block(database, "ALTER ROLE", "lock " + role, role,
                memberCheck(role) + sessionCheck(role, "not locked") + "ALTER ROLE " + SqlText.identifier(role) + " NOLOGIN;");
    }

    /**
     * Step 2 of a lock: no session since the NOLOGIN (else {@code AU002}, nothing revoked), then every
     * direct role revoked. From PostgreSQL 16 each membership is revoked {@code GRANTED BY} its grantor
     * (a revoke by anyone else would leave it in place with a warning); a role still held afterwards
     * fails the whole step ({@code AU003}).
     */
    public static SqlCommand revokeRoles(String database, String role, boolean grantedBy) {
        String member = "u";
        String loop = grantedBy
                ? "FOR held IN SELECT g.rolname AS role, gr.rolname AS grantor FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid"
                + " JOIN pg_roles gr ON gr.oid = m.grantor WHERE m.member = " + member + " AND g.rolname <> " + SqlText.literal(GROUP)
                + " LOOP EXECUTE format('REVOKE %I FROM %I GRANTED BY %I', held.role, " + SqlText.literal(role) + ", held.grantor); END LOOP; "
                : "FOR held IN SELECT DISTINCT g.rolname AS role FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid"
                + " WHERE m.member = " + member + " AND g.rolname <> " + SqlText.literal(GROUP)
                + " LOOP EXECUTE format('REVOKE %I FROM %I', held.role, " + SqlText.literal(role) + "); END LOOP; ";
        String leftover = "IF EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid WHERE m.member = "
                + member + " AND g.rolname <> " + SqlText.literal(GROUP) + ") THEN RAISE EXCEPTION USING ERRCODE = 'AU003',"
                + " MESSAGE = format('some roles of %s could not be revoked', " + SqlText.literal(role) + "); END IF;";
        return block(database, "REVOKE", "revoke the roles of " + role, role, "held record; ",
                memberCheck(role) + sessionCheck(role, "connected before the lock took effect: no role revoked") + loop + leftover);
    }

    /** Undoes step 1 when a session slipped in: the login back, nothing else changed. */
    public static SqlCommand enableLogin(String database, String role) {
        return block(database, "ALTER ROLE", "undo the lock of " + role, role,
                memberCheck(role) + "ALTER ROLE " + SqlText.identifier(role) + " LOGIN;");
    }

    /** After lock and verification: drop, re-checking group and sessions in the same transaction. */
    public static SqlCommand dropRole(String database, String role) {
        return block(database, "DROP ROLE", "drop " + role, role,
                memberCheck(role) + sessionCheck(role, "not dropped") + "DROP ROLE " + SqlText.identifier(role) + ";");
    }

    /**
     * The way past "owns objects" the DBA chose: in ONE transaction, {@code REASSIGN OWNED BY} the role to
     * {@code newOwner} (which must exist and not be an auto-user itself: {@code AU004}), {@code DROP OWNED BY}
     * (what is left: privileges granted to it, default privileges), {@code DROP ROLE}. Both act on the
     * connected database (and shared objects) only: the other databases come first ({@link #reassignOwned}
     * there); anything left elsewhere makes the {@code DROP ROLE} fail with 2BP01, and the whole transaction
     * is rolled back.
     */
    public static SqlCommand reassignAndDrop(String database, String role, String newOwner) {
        String ownerCheck = ownerCheck(newOwner);
        return block(database, "REASSIGN OWNED", "reassign the objects of " + role + " to " + newOwner + " and drop " + role,
                role, "", memberCheck(role) + sessionCheck(role, "not dropped") + ownerCheck
                        + "REASSIGN OWNED BY " + SqlText.identifier(role) + " TO " + SqlText.identifier(newOwner) + "; "
                        + "DROP OWNED BY " + SqlText.identifier(role) + "; DROP ROLE " + SqlText.identifier(role) + ";");
    }

    /**
     * In another database where {@code role} owns objects or holds privileges, on a connection to that
     * database (REASSIGN OWNED and DROP OWNED act on the connected database and shared objects only): the
     * same checks (still an auto-user, no session, a new owner that exists and is not an auto-user), then
     * {@code REASSIGN OWNED BY} and {@code DROP OWNED BY} in one transaction. The role stays, locked; its
     * drop runs last, in the console's own database.
     */
    public static SqlCommand reassignOwned(String database, String role, String newOwner) {
        return block(database, "REASSIGN OWNED", "reassign the objects of " + role + " in " + database + " to " + newOwner,
                role, "", memberCheck(role) + sessionCheck(role, "nothing reassigned") + ownerCheck(newOwner)
                        + "REASSIGN OWNED BY " + SqlText.identifier(role) + " TO " + SqlText.identifier(newOwner) + "; "
                        + "DROP OWNED BY " + SqlText.identifier(role) + ";");
    }

    /**
     * The other databases where {@code role} owns objects or holds privileges ({@code pg_shdepend}, which
     * the server keeps for every database), one name per row.
     */
    public static String otherDatabasesOf(String role) {
        return "SELECT DISTINCT d.datname FROM pg_shdepend s JOIN pg_database d ON d.oid = s.dbid"
                + " WHERE s.refclassid = 'pg_authid'::regclass AND s.refobjid = " + memberOidOf(role)
                + " AND d.datname <> current_database() ORDER BY 1";
    }

    private static String ownerCheck(String newOwner) {
        return "IF to_regrole(" + SqlText.literal(SqlText.identifier(newOwner)) + ") IS NULL THEN RAISE EXCEPTION USING"
                + " ERRCODE = 'AU004', MESSAGE = format('there is no role %s to reassign the objects to', "
                + SqlText.literal(newOwner) + "); END IF; "
                + "IF " + isAutoUser(memberOidOf(newOwner)) + " THEN RAISE EXCEPTION USING"
                + " ERRCODE = 'AU004', MESSAGE = format('%s is itself an auto-user: choose a role outside " + GROUP
                + " to own the objects', " + SqlText.literal(newOwner) + "); END IF; ";
    }

    private static SqlCommand block(String database, String name, String intent, String role, String body) {
        return block(database, name, intent, role, "", body);
    }

    private static SqlCommand block(String database, String name, String intent, String role, String declare, String body) {
        SqlText.checkName(role);
        String inner = "DECLARE u oid := " + memberOidOf(role) + "; " + declare + "BEGIN " + body + " END";
        String tag = SqlText.dollarTag(inner);
        return SqlCommand.of(database, name, intent, "DO " + tag + " " + inner + " " + tag);
    }

    private static String memberOidOf(String role) {
        return "(SELECT oid FROM pg_roles WHERE rolname = " + SqlText.literal(role) + ")";
    }

    private static String memberCheck(String role) {
        return "IF NOT " + isAutoUser("u") + " THEN RAISE EXCEPTION USING ERRCODE = 'AU001',"
                + " MESSAGE = format('%s is not an auto-user (a plain member of " + GROUP + "): not touched', "
                + SqlText.literal(role) + "); END IF; ";
    }

    /**
     * The server-side test for "Teleport manages this role": a member of the group, but not its administrator
     * (Teleport's own admin holds the group WITH ADMIN OPTION on PostgreSQL 16+ and is CREATEROLE; Teleport's
     * users are created {@code IN ROLE} the group, plain members, never SUPERUSER or CREATEROLE).
     */
    public static String isAutoUser(String oid) {
        return "(EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid WHERE g.rolname = "
                + SqlText.literal(GROUP) + " AND m.member = " + oid + ")"
                + " AND NOT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid WHERE g.rolname = "
                + SqlText.literal(GROUP) + " AND m.member = " + oid + " AND m.admin_option)"
                + " AND NOT EXISTS (SELECT 1 FROM pg_roles a WHERE a.oid = " + oid + " AND (a.rolsuper OR a.rolcreaterole)))";
    }

    private static String sessionCheck(String role, String consequence) {
        return "IF EXISTS (SELECT 1 FROM pg_stat_activity WHERE usesysid = u) THEN RAISE EXCEPTION USING"
                + " ERRCODE = 'AU002', MESSAGE = format('%s has a live session: " + consequence + "', " + SqlText.literal(role)
                + "); END IF; ";
    }
}
