package dev.autouser.core.teleport.adminsetup;

/** Why Teleport's admin needs each action: what fails without it, in the DBA's words. */
public final class TeleportNeeds {
    private TeleportNeeds() {
    }

    public static String whatFailsWithout(Grant grant) {
        return switch (grant.action()) {
            case "inprog" -> "currentOp fails, so Teleport cannot tell whether a user is connected: every session end "
                    + "(deactivate or drop) and every reconnect of an existing user fails";
            case "grantRole" -> grant.resource().db().isEmpty()
                    ? "createUser/updateUser cannot grant roles from databases without their own grantRole, so sessions whose db_roles name them cannot start"
                    : "createUser/updateUser cannot grant roles owned by " + grant.resource().db()
                      + ", so sessions whose db_roles name a role in " + grant.resource().db() + " cannot start";
            case "revokeRole" -> "updateUser cannot take roles away: locking users at session end (keep mode) and "
                    + "reactivating a user with fewer roles fail";
            case "createUser" -> "createUser fails, so no Teleport user can start a first session";
            case "updateUser" -> "updateUser fails, so returning users cannot be reactivated and users cannot be locked at session end";
            case "dropUser" -> "dropUser fails, so best_effort_drop mode cannot remove users at session end";
            case "viewUser" -> "usersInfo fails, so every session start fails before Teleport can look the user up";
            case "setAuthenticationRestriction" -> "createUser/updateUser carry authenticationRestrictions, so creating, "
                    + "unlocking and locking users all fail";
            case "changeCustomData" -> "createUser carries customData {teleport-auto-user: true}, so no user can be created";
            case "viewRole" -> "this console cannot check that db_roles name existing roles (Teleport itself does not need viewRole)";
            default -> "Teleport does not use " + grant.action();
        };
    }

    /** What an unneeded grant allows, for explaining why it goes beyond least privilege. */
    public static String whatExtraAllows(Grant grant) {
        if ("grantRole".equals(grant.action()) && grant.resource().db().isEmpty()) {
            return "lets the admin grant any role in any database, root@admin included, to any user it creates";
        }
        if ("viewRole".equals(grant.action())) {
            return "read-only: lets this console check db_roles against the server; keep it with --with-view-role";
        }
        return "Teleport never uses it; it only widens what a stolen admin certificate can do";
    }
}
