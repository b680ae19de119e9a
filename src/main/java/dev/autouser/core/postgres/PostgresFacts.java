package dev.autouser.core.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Who the console is on this server and what it may do there, read in one query on connect:
 * the role's attributes, its membership (and ADMIN OPTION) in {@code teleport-auto-user}, and whether
 * it has the privileges of {@code pg_read_all_stats} (without which {@code pg_stat_activity} shows
 * other users' sessions without address, start time or state).
 */
public record PostgresFacts(String currentUser, String database, String version, int versionNum, boolean superuser,
                            boolean createRole, boolean readAllStats, boolean groupExists, boolean groupMember,
                            boolean groupAdminOption, boolean ssl, boolean standardConformingStrings) {
    public static final String GROUP = "teleport-auto-user";

    static final String SQL = "SELECT current_user, current_database(), current_setting('server_version'),"
            + " current_setting('server_version_num')::int, r.rolsuper, r.rolcreaterole,"
            + " pg_has_role(current_user, 'pg_read_all_stats', 'USAGE'), g.oid IS NOT NULL,"
            + " EXISTS (SELECT 1 FROM pg_auth_members m WHERE m.roleid = g.oid AND m.member = r.oid),"
            + " COALESCE((SELECT bool_or(m.admin_option) FROM pg_auth_members m WHERE m.roleid = g.oid AND m.member = r.oid), false),"
            + " COALESCE((SELECT s.ssl FROM pg_stat_ssl s WHERE s.pid = pg_backend_pid()), false),"
            + " current_setting('standard_conforming_strings') = 'on'"
            + " FROM pg_roles r LEFT JOIN pg_roles g ON g.rolname = " + SqlText.literal(GROUP)
            + " WHERE r.rolname = current_user";

    static PostgresFacts read(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(SQL)) {
            if (!row.next()) {
                throw new SQLException("current_user is not in pg_roles");
            }
            return new PostgresFacts(row.getString(1), row.getString(2), row.getString(3), row.getInt(4), row.getBoolean(5),
                    row.getBoolean(6), row.getBoolean(7), row.getBoolean(8), row.getBoolean(9), row.getBoolean(10),
                    row.getBoolean(11), row.getBoolean(12));
        }
    }

    /** PostgreSQL 16 and later: CREATEROLE alone no longer lets a role alter others; ADMIN OPTION on each does. */
    public boolean adminOptionRules() {
        return versionNum >= 160000;
    }

    public boolean seesSessionDetails() {
        return superuser || readAllStats;
    }

    /**
     * One line per thing the console may do, "yes ..." or "NO ... - why", as {@code server-info} and
     * the connect page print them. Each sentence is backed by {@code PostgresPermissionsContract}.
     */
    public List<String> permissions() {
        List<String> lines = new ArrayList<>();
        lines.add("yes list auto-users and who is connected (pg_roles, pg_auth_members and pg_stat_activity are"
                + " readable by every role)");
        lines.add(seesSessionDetails() ? "yes see every session's client address, start and state"
                : "NO see other users' session details (client address, start, state) - needs pg_read_all_stats or"
                + " superuser; who is connected, to which database, is still seen");
        if (!groupExists) {
            lines.add("NO find auto-users - the role " + GROUP + " does not exist yet (Teleport creates it at the first"
                    + " auto-provisioned session)");
        }
        if (superuser) {
            lines.add("yes lock and drop auto-users (superuser)");
            lines.add("yes activate users as Teleport does (superuser)");
            return lines;
        }
        if (!createRole) {
            lines.add("NO lock and drop auto-users - " + currentUser + " lacks CREATEROLE");
            lines.add("NO activate users as Teleport does - " + currentUser + " lacks CREATEROLE");
            return lines;
        }
        lines.add(adminOptionRules()
                ? "yes lock and drop auto-users it has ADMIN OPTION on (PostgreSQL 16+: the role that created a user has"
                + " it), revoking only roles it also has ADMIN OPTION on"
                : "yes lock and drop auto-users (CREATEROLE)");
        lines.add(!adminOptionRules() || groupAdminOption ? "yes activate users as Teleport does (CREATEROLE"
                + (adminOptionRules() ? ", ADMIN OPTION on " + GROUP + ")" : ")")
                : "NO activate users as Teleport does - PostgreSQL 16+ needs " + GROUP + " granted to " + currentUser
                + " WITH ADMIN OPTION");
        return lines;
    }
}
