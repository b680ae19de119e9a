package dev.autouser.core.postgres;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.audit.AuditRecord;
import dev.autouser.core.audit.LostReplies;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Settles "sent, outcome unknown" records of PostgreSQL changes (the connection broke while the
 * statement ran or committed: PostgreSQL may have committed it) from what the server shows now, as
 * {@code UnknownOutcomes} does for MongoDB: one resolution record per lost reply, with its action id,
 * saying whether the change is there. Records of every database of this server are settled (a
 * reassignment runs in each database where the user owns objects); one query reads every role
 * concerned, and nothing is sent when nothing is open.
 */
public final class PostgresUnknownOutcomes {
    private PostgresUnknownOutcomes() {
    }

    /** The role as the server shows it now. */
    record RoleNow(boolean canLogin, List<String> roles, List<String> databasesWithObjects) {
    }

    /** Writes one resolution per open record of this server; returns how many were settled. */
    public static int settle(PostgresGateway gateway, AuditLog log) {
        String sameServer = gateway.server().substring(0, gateway.server().lastIndexOf('/') + 1);
        List<AuditRecord> open = LostReplies.open(log, server -> server.startsWith(sameServer));
        if (open.isEmpty()) {
            return 0;
        }
        Map<String, RoleNow> now = read(gateway, new LinkedHashSet<>(open.stream().map(AuditRecord::targetUser).toList()));
        int settled = 0;
        for (AuditRecord record : open) {
            String database = record.server().substring(record.server().lastIndexOf('/') + 1);
            String verdict = verdict(record.command(), record.targetUser(), database, now.get(record.targetUser()));
            settled += LostReplies.settle(log, gateway.identity(), record, verdict) ? 1 : 0;
        }
        return settled;
    }

    private static Map<String, RoleNow> read(PostgresGateway gateway, java.util.Collection<String> names) {
        String list = String.join(", ", names.stream().map(SqlText::literal).toList());
        String sql = "SELECT r.rolname, r.rolcanlogin, ARRAY(SELECT g.rolname::text FROM pg_auth_members m"
                + " JOIN pg_roles g ON g.oid = m.roleid WHERE m.member = r.oid AND g.rolname <> " + SqlText.literal(AutoUserSql.GROUP)
                + " ORDER BY 1), ARRAY(SELECT DISTINCT d.datname::text FROM pg_shdepend s JOIN pg_database d ON d.oid = s.dbid"
                + " WHERE s.refclassid = 'pg_authid'::regclass AND s.refobjid = r.oid ORDER BY 1)"
                + " FROM pg_roles r WHERE r.rolname IN (" + list + ")";
        return gateway.query(sql, "read the roles whose change lost its reply", rows -> {
            Map<String, RoleNow> found = new HashMap<>();
            while (rows.next()) {
                found.put(rows.getString(1), new RoleNow(rows.getBoolean(2), List.of((String[]) rows.getArray(3).getArray()),
                        List.of((String[]) rows.getArray(4).getArray())));
            }
            return found;
        });
    }

    /**
     * Applied or not, judged from the role as the server shows it now ({@code null}: no such role), for the
     * change the statement was ({@link RecordedChange}: rebuilt for this role and compared whole, never a
     * search in its text, which holds the role's name).
     */
    static String verdict(String command, String name, String database, RoleNow role) {
        RecordedChange change = RecordedChange.of(command, name, database);
        if (change == RecordedChange.DROP) {
            return role == null ? "resolved: applied, " + name + " no longer exists"
                    : "resolved: not applied, " + name + " still exists (" + login(role) + ")";
        }
        if (role == null) {
            return "resolved: " + name + " no longer exists";
        }
        return switch (change) {
            case REASSIGN -> role.databasesWithObjects().contains(database)
                    ? "resolved: not applied, " + name + " still owns objects or holds privileges in " + database
                    : "resolved: applied, " + name + " owns nothing in " + database;
            case DISABLE_LOGIN -> role.canLogin() ? "resolved: not applied, " + name + " can still log in (LOGIN)"
                    : "resolved: applied, " + name + " cannot log in (NOLOGIN)";
            case REVOKE_ROLES -> role.roles().isEmpty() ? "resolved: applied, " + name + " holds no roles"
                    : "resolved: not applied, " + name + " still holds " + String.join(", ", role.roles());
            case ENABLE_LOGIN -> role.canLogin() ? "resolved: applied, " + name + " can log in (LOGIN)"
                    : "resolved: not applied, " + name + " cannot log in (NOLOGIN)";
            case DROP, OTHER -> "resolved: the server now shows " + name + " " + login(role) + " with roles "
                    + (role.roles().isEmpty() ? "(none)" : String.join(", ", role.roles()));
        };
    }

    private static String login(RoleNow role) {
        return role.canLogin() ? "LOGIN" : "NOLOGIN";
    }
}
