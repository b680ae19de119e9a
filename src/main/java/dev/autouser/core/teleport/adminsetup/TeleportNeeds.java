package dev.autouser.core.teleport.adminsetup;

import dev.autouser.core.mongo.Privilege;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Why Teleport's admin needs each action: which of Teleport's operations MongoDB refuses (13
 * Unauthorized) without it, in the DBA's words. {@link #failsWithout} is the claim; a test removes
 * exactly that action from the admin role, runs each operation as Teleport sends it and checks that
 * exactly these fail ({@code TeleportNeedsContract}). The sentence is built from the same claim.
 */
public final class TeleportNeeds {
    /** Teleport's operations in MongoDB (lib/srv/db/mongodb/autousers.go), each a fixed command sequence. */
    public enum Operation {
        FIRST_SESSION("a first session (usersInfo, createUser)"),
        RETURNING_SESSION("a returning user's session (usersInfo, currentOp, updateUser)"),
        SESSION_END_KEEP("session end in keep mode (currentOp, updateUser that locks)"),
        SESSION_END_DROP("session end in best_effort_drop mode (currentOp, dropUser)");

        private final String description;

        Operation(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private static final Set<Operation> ALL = EnumSet.allOf(Operation.class);
    private static final Set<Operation> SESSION_STARTS = EnumSet.of(Operation.FIRST_SESSION, Operation.RETURNING_SESSION);

    private TeleportNeeds() {
    }

    /** The operations MongoDB refuses when the admin role lacks {@code grant} (for roles from its database). */
    public static Set<Operation> failsWithout(Privilege grant) {
        return switch (grant.action()) {
            case "inprog" -> EnumSet.of(Operation.RETURNING_SESSION, Operation.SESSION_END_KEEP, Operation.SESSION_END_DROP);
            case "grantRole", "viewUser" -> EnumSet.copyOf(SESSION_STARTS);
            case "createUser" -> EnumSet.of(Operation.FIRST_SESSION);
            case "revokeRole" -> EnumSet.of(Operation.RETURNING_SESSION, Operation.SESSION_END_KEEP);
            case "dropUser" -> EnumSet.of(Operation.SESSION_END_DROP);
            case "setAuthenticationRestriction" -> EnumSet.of(Operation.FIRST_SESSION, Operation.RETURNING_SESSION,
                    Operation.SESSION_END_KEEP);
            default -> EnumSet.noneOf(Operation.class);
        };
    }

    /** True when some operation of Teleport fails without the grant. */
    public static boolean isNeeded(Privilege grant) {
        return !failsWithout(grant).isEmpty();
    }

    public static String whatFailsWithout(Privilege grant) {
        Set<Operation> failing = failsWithout(grant);
        if (failing.isEmpty()) {
            return whyNotNeeded(grant);
        }
        String operations = failing.containsAll(ALL) ? "every operation"
                : failing.stream().map(Operation::description).collect(Collectors.joining(", "));
        return cause(grant) + ", so MongoDB refuses (13 Unauthorized) " + operations;
    }

    private static String cause(Privilege grant) {
        return switch (grant.action()) {
            case "inprog" -> "currentOp needs it: Teleport cannot tell whether a user is connected";
            case "grantRole" -> grant.resource().db().isEmpty()
                    ? "createUser/updateUser cannot grant roles from databases without their own grantRole"
                    : "createUser/updateUser cannot grant roles owned by " + grant.resource().db()
                      + ", for sessions whose db_roles name a role in " + grant.resource().db();
            case "revokeRole" -> "updateUser that sets roles needs revokeRole on all databases (the roles it replaces"
                    + " are unknown to MongoDB's check)";
            case "createUser" -> "createUser needs it";
            case "dropUser" -> "dropUser needs it";
            case "viewUser" -> "usersInfo needs it to look the user up";
            case "setAuthenticationRestriction" -> "createUser/updateUser carry authenticationRestrictions";
            default -> grant.action() + " is checked";
        };
    }

    private static String whyNotNeeded(Privilege grant) {
        return switch (grant.action()) {
            case "updateUser" -> "granted by Teleport's guide, but no command Teleport sends needs it: MongoDB checks"
                    + " updateUser's fields instead (revokeRole/grantRole for roles, setAuthenticationRestriction)";
            case "changeCustomData" -> "granted by Teleport's guide, but no command Teleport sends needs it: createUser"
                    + " sets customData without it; MongoDB checks it only for updateUser that changes customData,"
                    + " which Teleport never sends";
            case "viewRole" -> "this console cannot check that db_roles name existing roles (Teleport itself does not"
                    + " need viewRole)";
            default -> "Teleport does not use " + grant.action();
        };
    }

    /** What an unneeded grant allows, for explaining why it goes beyond least privilege. */
    public static String whatExtraAllows(Privilege grant) {
        if ("grantRole".equals(grant.action()) && grant.resource().db().isEmpty()) {
            return "lets the admin grant any role in any database, root@admin included, to any user it creates";
        }
        if ("viewRole".equals(grant.action())) {
            return "read-only: lets this console check db_roles against the server; keep it with --with-view-role";
        }
        return "Teleport never uses it; it only widens what a stolen admin certificate can do";
    }

    /** The operations in a stable order, for reports and tests. */
    public static List<Operation> operations() {
        return List.of(Operation.values());
    }
}
