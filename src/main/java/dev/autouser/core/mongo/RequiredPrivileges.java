package dev.autouser.core.mongo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.autouser.core.mongo.Privilege.onCluster;
import static dev.autouser.core.mongo.Privilege.onDatabase;
import static dev.autouser.core.mongo.Privilege.onEveryDatabase;

/** The privileges a command needs (MongoDB's "Required Access"), and how a refusal names them. */
final class RequiredPrivileges {
    private RequiredPrivileges() {
    }

    /**
     * What {@code command} on {@code db} needs; {@code roleDbs} are the databases of the roles it
     * grants. Empty for a command this table does not know.
     */
    static List<Privilege> of(String command, String db, List<String> roleDbs) {
        String where = db == null || db.isEmpty() ? "$external" : db;
        List<Privilege> grants = roleDbs.stream().distinct().sorted().map(d -> onDatabase("grantRole", d)).toList();
        List<Privilege> needed = new ArrayList<>();
        switch (command == null ? "" : command.toLowerCase(Locale.ROOT)) {
            case "usersinfo" -> needed.add(onDatabase("viewUser", where));
            case "createuser" -> {
                needed.add(onDatabase("createUser", where));
                needed.add(onDatabase("setAuthenticationRestriction", where));
                needed.addAll(grants);
            }
            case "updateuser" -> {
                needed.add(onDatabase("setAuthenticationRestriction", where));
                needed.add(onEveryDatabase("revokeRole"));
                needed.addAll(grants);
            }
            case "dropuser" -> needed.add(onDatabase("dropUser", where));
            case "currentop", "aggregate" -> needed.add(onCluster("inprog"));
            case "replsetgetconfig" -> needed.add(onCluster("replSetGetConfig"));
            case "invalidateusercache" -> needed.add(onCluster("invalidateUserCache"));
            case "rolesinfo" -> needed.add(onDatabase("viewRole", where));
            case "createrole", "updaterole" -> needed.add(onDatabase("createRole/updateRole", where));
            default -> {
                // Not in the table: the refusal sentence names the command instead.
            }
        }
        return needed;
    }

    /** For the refusal sentence: "setAuthenticationRestriction on $external and revokeRole on all databases". */
    static String describe(List<Privilege> needed, String command, String db) {
        if (needed.isEmpty()) {
            String where = db == null || db.isEmpty() ? "$external" : db;
            return command == null || command.isEmpty() ? "the privilege this needs"
                    : "the privilege that " + command + " needs on " + where;
        }
        // Actions on one resource share it ("createUser and setAuthenticationRestriction on $external");
        // one action on several databases shares the action ("grantRole on db1, db2").
        Map<String, List<String>> actionsByResource = new LinkedHashMap<>();
        for (Privilege privilege : needed) {
            actionsByResource.computeIfAbsent(privilege.resource().describe(), r -> new ArrayList<>()).add(privilege.action());
        }
        Map<String, List<String>> resourcesByActions = new LinkedHashMap<>();
        actionsByResource.forEach((resource, actions) ->
                resourcesByActions.computeIfAbsent(String.join(" and ", actions), a -> new ArrayList<>()).add(resource));
        List<String> parts = new ArrayList<>();
        resourcesByActions.forEach((actions, resources) -> parts.add(actions + " on " + String.join(", ", resources)));
        return String.join(" and ", parts);
    }
}
