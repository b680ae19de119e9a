package dev.autouser.core.mongo;

import java.util.Locale;

/** Names the privilege a refused (code 13) command needed, for the error sentence. */
final class RequiredPrivileges {
    private RequiredPrivileges() {
    }

    static String forCommand(String command, String db) {
        return forCommand(command, db, java.util.List.of());
    }

    /** With the databases of the roles the command grants, so the sentence can name them. */
    static String forCommand(String command, String db, java.util.List<String> roleDbs) {
        String where = db == null || db.isEmpty() ? "$external" : db;
        String grants = roleDbs.isEmpty() ? "" : " and grantRole on "
                + String.join(", ", roleDbs.stream().distinct().sorted().toList());
        return switch (command == null ? "" : command.toLowerCase(Locale.ROOT)) {
            case "usersinfo" -> "viewUser on " + where;
            case "createuser" -> "createUser and setAuthenticationRestriction on " + where + grants;
            case "updateuser" -> "setAuthenticationRestriction on " + where
                    + " and revokeRole on every database" + grants;
            case "dropuser" -> "dropUser on " + where;
            case "currentop", "aggregate" -> "inprog on the cluster";
            case "rolesinfo" -> "viewRole on " + where;
            case "createrole", "updaterole" -> "createRole/updateRole on " + where;
            case "" -> "the privilege this needs";
            default -> "the privilege that " + command + " needs on " + where;
        };
    }
}
