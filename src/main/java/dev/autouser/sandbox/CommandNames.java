package dev.autouser.sandbox;

import dev.autouser.sandbox.security.ServerErrors;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * MongoDB looks commands up case-sensitively: {@code usersinfo} is "no such command" (59), only a
 * few historical aliases ({@code ismaster}, {@code buildinfo}, ...) exist. The library is lenient,
 * so commands we know are held to their exact spelling here; unknown names go on as before.
 */
final class CommandNames {
    private static final List<String> CANONICAL = List.of("hello", "isMaster", "ping", "buildInfo", "authenticate",
            "saslStart", "saslContinue", "logout", "endSessions", "connectionStatus", "currentOp", "aggregate",
            "getMore", "killCursors", "listDatabases", "usersInfo", "createUser", "updateUser", "dropUser",
            "dropAllUsersFromDatabase", "grantRolesToUser", "revokeRolesFromUser", "createRole", "updateRole",
            "dropRole", "dropAllRolesFromDatabase", "grantPrivilegesToRole", "revokePrivilegesFromRole",
            "grantRolesToRole", "revokeRolesFromRole", "rolesInfo", "find", "insert", "update", "delete", "count",
            "distinct", "serverStatus", "findAndModify", "listCollections", "listIndexes", "createIndexes",
            "dropIndexes", "dbStats", "collStats", "create", "drop", "dropDatabase");
    private static final Set<String> ALIASES = Set.of("ismaster", "buildinfo", "findandmodify", "dbstats",
            "deleteIndexes");
    private static final Map<String, String> BY_LOWER_CASE = new HashMap<>();

    static {
        CANONICAL.forEach(name -> BY_LOWER_CASE.put(name.toLowerCase(Locale.ROOT), name));
    }

    private CommandNames() {
    }

    /** Throws CommandNotFound when {@code name} is a known command spelled with the wrong case. */
    static void requireExactSpelling(String name) {
        String canonical = BY_LOWER_CASE.get(name.toLowerCase(Locale.ROOT));
        if (canonical != null && !canonical.equals(name) && !ALIASES.contains(name)) {
            throw ServerErrors.commandNotFound(name);
        }
    }
}
