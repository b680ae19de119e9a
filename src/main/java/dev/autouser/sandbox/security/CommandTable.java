package dev.autouser.sandbox.security;

import dev.autouser.sandbox.security.CommandSpec.Access;
import dev.autouser.sandbox.security.CommandSpec.Handler;
import dev.autouser.sandbox.security.CommandSpec.Privileges;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every command the sandbox knows, in one table: name, aliases, login needed, admin-only,
 * privilege rules, handler, and whether it writes (only a replica set's primary takes writes). A command not in the table is answered 59 CommandNotFound before any
 * authentication or authorization, as mongod's command lookup does; so is a known command spelled
 * with the wrong letter case (mongod knows {@code usersInfo}, not {@code usersinfo}).
 */
public final class CommandTable {
    private static final List<CommandSpec> ALL = new ArrayList<>();
    /** Exact name or alias → spec. */
    private static final Map<String, CommandSpec> BY_NAME = new HashMap<>();
    /** Lower-cased name or alias → spec, to tell "wrong case" from "unknown". */
    private static final Map<String, CommandSpec> BY_LOWER_CASE = new HashMap<>();

    static {
        // Handshake and authentication: no login needed (mongod's requiresAuth() == false).
        open("hello", Handler.HANDSHAKE);
        open("isMaster", Handler.HANDSHAKE, "ismaster");
        open("ping", Handler.PING);
        open("buildInfo", Handler.BUILD_INFO, "buildinfo");
        open("authenticate", Handler.AUTHENTICATE);
        open("saslStart", Handler.SASL_START);
        open("saslContinue", Handler.SASL_CONTINUE);
        open("logout", Handler.LOGOUT);
        open("connectionStatus", Handler.USER_ADMIN);
        open("endSessions", Handler.END_SESSIONS);
        open("whatsmyuri", Handler.LIBRARY);

        add("usersInfo", false, Privileges.USER_ADMIN, Handler.USER_ADMIN);
        add("rolesInfo", false, Privileges.USER_ADMIN, Handler.USER_ADMIN);
        for (String name : List.of("createUser", "updateUser", "dropUser", "dropAllUsersFromDatabase",
                "grantRolesToUser", "revokeRolesFromUser", "createRole", "updateRole", "dropRole",
                "dropAllRolesFromDatabase", "grantPrivilegesToRole", "revokePrivilegesFromRole", "grantRolesToRole",
                "revokeRolesFromRole")) {
            write(name, Privileges.USER_ADMIN, Handler.USER_ADMIN);
        }
        add("invalidateUserCache", true, Privileges.USER_ADMIN, Handler.USER_ADMIN);

        for (String name : List.of("find", "count", "distinct", "mapReduce", "aggregate", "listIndexes", "collMod",
                "collStats", "dataSize", "validate", "listCollections", "dbHash")) {
            add(name, false, Privileges.DATA, Handler.LIBRARY);
        }
        for (String name : List.of("insert", "update", "delete", "create", "drop", "createIndexes", "dropDatabase")) {
            write(name, Privileges.DATA, Handler.LIBRARY);
        }
        write("findAndModify", Privileges.DATA, Handler.LIBRARY, "findandmodify");
        write("dropIndexes", Privileges.DATA, Handler.LIBRARY, "deleteIndexes");
        add("dbStats", false, Privileges.DATA, Handler.LIBRARY, "dbstats");
        add("renameCollection", true, Privileges.DATA, Handler.LIBRARY);

        for (String name : List.of("getMore", "killCursors", "startSession", "refreshSessions", "killSessions",
                "commitTransaction", "abortTransaction", "listCommands", "getLastError", "features")) {
            add(name, false, Privileges.LOGIN_ONLY, Handler.LIBRARY);
        }
        for (String name : List.of("serverStatus", "hostInfo", "connPoolStats", "netstat", "listShards",
                "getShardMap")) {
            add(name, false, Privileges.SERVER, Handler.LIBRARY);
        }
        for (String name : List.of("getCmdLineOpts", "getLog", "getParameter", "setParameter", "replSetGetStatus",
                "replSetGetConfig", "top", "shutdown", "fsync", "fsyncUnlock", "logRotate", "getDefaultRWConcern",
                "setDefaultRWConcern", "lockInfo", "killOp", "setFeatureCompatibilityVersion", "getClusterParameter",
                "setClusterParameter", "killAllSessions", "dropConnections", "listDatabases")) {
            add(name, true, Privileges.SERVER, Handler.LIBRARY);
        }
        add("currentOp", true, Privileges.SERVER, Handler.CURRENT_OP);
        add("explain", false, Privileges.EXPLAIN, Handler.LIBRARY);
    }

    private CommandTable() {
    }

    private static void open(String name, Handler handler, String... aliases) {
        register(new CommandSpec(name, Set.of(aliases), false, false, Privileges.NONE, handler, Access.READ));
    }

    private static void add(String name, boolean adminOnly, Privileges privileges, Handler handler, String... aliases) {
        register(new CommandSpec(name, Set.of(aliases), true, adminOnly, privileges, handler, Access.READ));
    }

    /** A command that changes data: any database, login needed, primary only on a replica set. */
    private static void write(String name, Privileges privileges, Handler handler, String... aliases) {
        register(new CommandSpec(name, Set.of(aliases), true, false, privileges, handler, Access.WRITE));
    }

    private static void register(CommandSpec spec) {
        ALL.add(spec);
        for (String name : names(spec)) {
            CommandSpec sameLowerCase = BY_LOWER_CASE.put(name.toLowerCase(Locale.ROOT), spec);
            // isMaster/ismaster: aliases of one command may differ only in case; two commands may not.
            if (BY_NAME.put(name, spec) != null || (sameLowerCase != null && sameLowerCase != spec)) {
                throw new IllegalStateException("command listed twice: " + name);
            }
        }
    }

    private static List<String> names(CommandSpec spec) {
        List<String> names = new ArrayList<>(List.of(spec.name()));
        names.addAll(spec.aliases());
        return names;
    }

    /** The command as the client spelled it, exactly, or empty when mongod would answer 59. */
    public static Optional<CommandSpec> find(String nameAsSent) {
        return Optional.ofNullable(BY_NAME.get(nameAsSent));
    }

    /** The command whatever its letter case: for rules that match names case-insensitively. */
    public static Optional<CommandSpec> findIgnoringCase(String name) {
        return Optional.ofNullable(BY_LOWER_CASE.get(name.toLowerCase(Locale.ROOT)));
    }

    public static List<CommandSpec> all() {
        return Collections.unmodifiableList(ALL);
    }
}
