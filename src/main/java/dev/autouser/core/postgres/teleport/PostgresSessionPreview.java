package dev.autouser.core.postgres.teleport;

import dev.autouser.core.postgres.PostgresGateway;
import dev.autouser.core.postgres.SqlText;
import dev.autouser.core.teleport.CreateDbUserMode;
import dev.autouser.core.teleport.SessionPreview;
import dev.autouser.core.teleport.TeleportRole;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What Teleport's activate procedure would do for one user and roles on this server, read in one
 * query and changing nothing: the call the agent sends and the statements the procedure runs for the
 * user's present state, or Teleport's refusal.
 */
public record PostgresSessionPreview(String user, List<String> roles, String outcome, boolean refused, List<String> statements) {
    public PostgresSessionPreview {
        roles = List.copyOf(roles);
        statements = List.copyOf(statements);
    }

    public static PostgresSessionPreview of(PostgresGateway gateway, String user, List<String> roles) {
        List<String> wanted = List.copyOf(new TreeSet<>(roles));
        String sql = "SELECT r.oid IS NOT NULL,"
                + " EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid"
                + "   WHERE g.rolname = 'teleport-auto-user' AND m.member = r.oid),"
                + " EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.usename = " + SqlText.literal(user) + "),"
                + " ARRAY(SELECT g.rolname::text FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid"
                + "   WHERE m.member = r.oid AND g.rolname <> 'teleport-auto-user' ORDER BY 1)"
                + " FROM (SELECT 1) one LEFT JOIN pg_roles r ON r.rolname = " + SqlText.literal(user);
        return gateway.query(sql, "read " + user + " as Teleport would", rows -> {
            rows.next();
            List<String> held = List.of((String[]) rows.getArray(4).getArray());
            return decide(user, wanted, rows.getBoolean(1), rows.getBoolean(2), rows.getBoolean(3), held);
        });
    }

    /**
     * What Teleport would run when {@code request}'s user starts a session under {@code role}: the
     * role's db_roles for the user's traits (allow minus deny), only the requested ones when the
     * user asks for some, then {@link #of}.
     */
    public static PostgresSessionPreview forRole(PostgresGateway gateway, TeleportRole role, SessionPreview.Request request) {
        List<String> roles = PostgresRoleMapping.rolesFor(role, request.traits());
        if (!request.requestedRoles().isEmpty()) {
            roles = roles.stream().filter(request.requestedRoles()::contains).toList();
        }
        return of(gateway, request.teleportName(), roles);
    }

    /** The preview as the CLI prints it and the console shows it: user and mode, roles, verdict, the SQL. */
    public List<String> report(CreateDbUserMode mode) {
        List<String> lines = new ArrayList<>();
        lines.add("PostgreSQL user: " + user + " (mode " + mode.yamlValue() + ")");
        lines.add("Roles: " + (roles.isEmpty() ? "(none)" : String.join(", ", roles)));
        lines.add(outcome);
        lines.addAll(statements);
        return lines;
    }

    static PostgresSessionPreview decide(String user, List<String> wanted, boolean exists, boolean member, boolean active,
                                         List<String> held) {
        String name = SqlText.identifier(user);
        List<String> statements = new ArrayList<>();
        statements.add(PostgresRoleMapping.activateCall(user, wanted));
        if (exists && !member) {
            return new PostgresSessionPreview(user, wanted, "Teleport refuses the session: user \"" + user
                    + "\" already exists in this PostgreSQL database and is not managed by Teleport", true, statements);
        }
        if (member && active) {
            boolean same = new TreeSet<>(held).equals(new TreeSet<>(wanted));
            return same
                    ? new PostgresSessionPreview(user, wanted, "Nothing to do: " + user + " is connected with these roles"
                    + " already (another session).", false, statements)
                    : new PostgresSessionPreview(user, wanted, "Teleport refuses the session (TP002): roles for user \""
                    + user + "\" has changed. Please quit all active connections and try again.", true, statements);
        }
        if (member) {
            held.forEach(role -> statements.add("REVOKE " + SqlText.identifier(role) + " FROM " + name + ";"));
            statements.add("ALTER USER " + name + " WITH NOLOGIN;");
            statements.add("ALTER USER " + name + " WITH LOGIN;");
        } else {
            statements.add("CREATE USER " + name + " IN ROLE \"teleport-auto-user\";");
        }
        wanted.forEach(role -> statements.add("GRANT " + SqlText.identifier(role) + " TO " + name + ";"));
        return new PostgresSessionPreview(user, wanted, member ? "Teleport re-activates " + user
                + ": its roles are revoked, LOGIN is given back and the session's roles granted."
                : "Teleport creates " + user + " in teleport-auto-user and grants the session's roles.", false, statements);
    }
}
