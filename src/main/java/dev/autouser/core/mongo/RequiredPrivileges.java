package dev.autouser.core.mongo;

import java.util.Locale;

/** Names the privilege a refused (code 13) command needed, for the error sentence. */
final class RequiredPrivileges {
    private RequiredPrivileges() {
    }

    static String forCommand(String command, String db) {
        String where = db == null || db.isEmpty() ? "$external" : db;
        return switch (command == null ? "" : command.toLowerCase(Locale.ROOT)) {
            case "usersinfo" -> "viewUser on " + where;
            case "createuser" -> "createUser and changeCustomData on " + where
                    + " (and grantRole on each role's database)";
            case "updateuser" -> "setAuthenticationRestriction on " + where
                    + " and revokeRole on every database (grantRole on each added role's database)";
            case "dropuser" -> "dropUser on " + where;
            case "currentop", "aggregate" -> "inprog on the cluster";
            case "rolesinfo" -> "viewRole on " + where;
            case "createrole", "updaterole" -> "createRole/updateRole on " + where;
            case "" -> "the privilege this needs";
            default -> "the privilege that " + command + " needs on " + where;
        };
    }
}
