package dev.autouser.core.postgres.teleport;

import dev.autouser.core.postgres.PostgresGateway;
import dev.autouser.core.postgres.SqlText;
import dev.autouser.core.teleport.RoleMappingValidator;
import dev.autouser.core.teleport.RoleProblem;
import dev.autouser.core.teleport.TeleportRole;
import dev.autouser.core.teleport.TraitTemplate;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Teleport role's {@code db_roles} against a PostgreSQL server: each entry (templates expanded from
 * sample traits) must name a role in {@code pg_roles} as a whole (PostgreSQL role names have no
 * {@code @db}; Teleport grants the entry as one quoted name), and on 16+ Teleport's admin must hold it
 * WITH ADMIN OPTION to grant it. Read in one query.
 */
public final class PostgresRoleMapping {
    private static final String FIELD = "spec.allow.db_roles";

    /** What the server has: every role name, those the admin may grant, the auto-users, and the rule in force. */
    public record ServerRoles(Set<String> names, Set<String> adminGrantable, Set<String> autoUsers, boolean adminOptionRules,
                              String admin) {
        public ServerRoles {
            names = Set.copyOf(names);
            adminGrantable = Set.copyOf(adminGrantable);
            autoUsers = Set.copyOf(autoUsers);
        }

        public static ServerRoles read(PostgresGateway gateway, String admin) {
            String sql = "SELECT current_setting('server_version_num')::int >= 160000,"
                    + " ARRAY(SELECT rolname::text FROM pg_roles),"
                    + " ARRAY(SELECT g.rolname::text FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid"
                    + "   JOIN pg_roles a ON a.oid = m.member WHERE a.rolname = " + SqlText.literal(admin) + " AND m.admin_option),"
                    + " ARRAY(SELECT u.rolname::text FROM pg_auth_members m JOIN pg_roles u ON u.oid = m.member"
                    + "   JOIN pg_roles g ON g.oid = m.roleid WHERE g.rolname = 'teleport-auto-user')";
            return gateway.query(sql, "read the server's roles", rows -> {
                rows.next();
                return new ServerRoles(strings(rows.getArray(2)), strings(rows.getArray(3)), strings(rows.getArray(4)),
                        rows.getBoolean(1), admin);
            });
        }

        private static Set<String> strings(Array array) throws SQLException {
            return new TreeSet<>(List.of((String[]) array.getArray()));
        }
    }

    private PostgresRoleMapping() {
    }

    /** The roles Teleport would grant for these traits: allow entries expanded, minus deny entries. */
    public static List<String> rolesFor(TeleportRole role, Map<String, List<String>> traits) {
        Set<String> allowed = expand(role.allowDbRoles(), traits);
        allowed.removeAll(expand(role.denyDbRoles(), traits));
        return List.copyOf(new TreeSet<>(allowed));
    }

    /** One problem per entry that would fail; an empty list: Teleport can grant every role. */
    public static List<RoleProblem> validate(TeleportRole role, Map<String, List<String>> traits, ServerRoles server) {
        List<RoleProblem> problems = new ArrayList<>(RoleMappingValidator.nameModeAndMatchers(role));
        if (role.allowDbRoles().isEmpty()) {
            problems.add(RoleProblem.warning(FIELD, "", "is empty, so users are created with no role but teleport-auto-user."));
        }
        for (String entry : role.allowDbRoles()) {
            if (TraitTemplate.isTemplate(entry)) {
                TraitTemplate.Expansion expansion = TraitTemplate.expand(entry, traits);
                switch (expansion.outcome()) {
                    case INVALID -> problems.add(RoleProblem.error(FIELD, entry, expansion.explanation() + "."));
                    case MISSING_TRAIT -> problems.add(RoleProblem.note(FIELD, entry, "a trait template: give sample traits"
                            + " to check the roles it produces."));
                    default -> expansion.values().forEach(v -> checkName(v + " (from " + entry + ")", v, server, problems));
                }
            } else {
                checkName(entry, entry, server, problems);
            }
        }
        return problems;
    }

    private static void checkName(String shownAs, String name, ServerRoles server, List<RoleProblem> problems) {
        if (!server.names().contains(name)) {
            problems.add(RoleProblem.error(FIELD, shownAs, name.contains("@")
                    ? "no such role: PostgreSQL role names have no @db (that is MongoDB's form); Teleport would run GRANT "
                    + SqlText.identifier(name) + " and the session would fail."
                    : "no such role in pg_roles: Teleport's GRANT would fail and so would the session; create it first or"
                    + " correct the name."));
            return;
        }
        if (name.equals(TeleportAgent.AUTO_USER_GROUP) || server.autoUsers().contains(name)) {
            problems.add(RoleProblem.error(FIELD, shownAs, name.equals(TeleportAgent.AUTO_USER_GROUP)
                    ? "is Teleport's bookkeeping group; every auto-user is in it already."
                    : "is an auto-user itself; granting one person's user to another's is almost certainly a mistake."));
            return;
        }
        if (server.adminOptionRules() && !server.adminGrantable().contains(name)) {
            problems.add(RoleProblem.error(FIELD, shownAs, "exists, but " + server.admin() + " does not hold it WITH ADMIN"
                    + " OPTION: on PostgreSQL 16+ it cannot grant it (GRANT " + SqlText.identifier(name) + " TO "
                    + SqlText.identifier(server.admin()) + " WITH ADMIN OPTION, INHERIT FALSE, SET FALSE)."));
        }
    }

    /** The call Teleport's agent sends for this user and these roles, as a psql line. */
    public static String activateCall(String user, List<String> roles) {
        StringBuilder array = new StringBuilder("ARRAY[");
        for (int i = 0; i < roles.size(); i++) {
            array.append(i == 0 ? "" : ", ").append(SqlText.literal(roles.get(i)));
        }
        array.append("]::varchar[]");
        return "call pg_temp." + TeleportProcedure.ACTIVATE.procedureName() + "(" + SqlText.literal(user) + ", " + array + ");";
    }

    private static Set<String> expand(List<String> entries, Map<String, List<String>> traits) {
        Set<String> names = new LinkedHashSet<>();
        for (String entry : entries) {
            if (!TraitTemplate.isTemplate(entry)) {
                names.add(entry);
                continue;
            }
            TraitTemplate.Expansion expansion = TraitTemplate.expand(entry, traits);
            names.addAll(expansion.values());
        }
        return names;
    }
}
