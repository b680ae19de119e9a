package dev.autouser.sandbox;

import java.util.Locale;
import java.util.Set;

/**
 * Commands that write (documents, collections, users, roles): on a replica set only the primary
 * takes them, a secondary answers 10107 NotWritablePrimary; they advance the cluster time.
 */
final class ReplicatedWrites {
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
            "drop", "dropdatabase", "createindexes", "dropindexes", "deleteindexes", "createuser", "updateuser",
            "dropuser", "dropallusersfromdatabase", "grantrolestouser", "revokerolesfromuser", "createrole",
            "updaterole", "droprole", "dropallrolesfromdatabase", "grantprivilegestorole",
            "revokeprivilegesfromrole", "grantrolestorole", "revokerolesfromrole");

    private ReplicatedWrites() {
    }

    static boolean isWrite(String command) {
        return WRITES.contains(command.toLowerCase(Locale.ROOT));
    }
}
