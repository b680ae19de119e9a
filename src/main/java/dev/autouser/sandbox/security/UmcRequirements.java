package dev.autouser.sandbox.security;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;

/**
 * The privileges MongoDB requires for the user and role management commands
 * ({@code user_management_commands_common.cpp}). Arguments are parsed first, as MongoDB does, so a
 * malformed command fails with its parse error rather than with Unauthorized.
 */
final class UmcRequirements {

    private UmcRequirements() {
    }

    /** Returns false when {@code command} is not a user/role management command. */
    static boolean check(AuthzSession session, String db, String command, Document body) {
        switch (command) {
            case "createuser" -> createUser(session, db, body);
            case "updateuser" -> updateUser(session, db, body);
            case "dropuser" -> session.requireOnDatabase(db, "dropUser");
            case "dropallusersfromdatabase" -> session.requireOnDatabase(db, "dropUser");
            case "grantrolestouser", "grantrolestorole" -> grantRoles(session, roles(command, body, db));
            case "revokerolesfromuser", "revokerolesfromrole" -> revokeRoles(session, roles(command, body, db));
            case "usersinfo" -> usersInfo(session, db, body);
            case "createrole" -> createRole(session, db, body);
            case "updaterole" -> updateRole(session, db, body);
            case "droprole", "dropallrolesfromdatabase" -> session.requireOnDatabase(db, "dropRole");
            case "grantprivilegestorole" -> grantPrivileges(session, privileges(body, db));
            case "revokeprivilegesfromrole" -> revokePrivileges(session, privileges(body, db));
            case "rolesinfo" -> rolesInfo(session, db, body);
            case "invalidateusercache" -> session.requireOnCluster("invalidateUserCache");
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void createUser(AuthzSession session, String db, Document body) {
        List<RoleId> roles = roles("createUser", body, db);
        session.requireOnDatabase(db, "createUser");
        grantRoles(session, roles);
        if (body.containsKey("authenticationRestrictions")) {
            session.requireOnDatabase(db, "setAuthenticationRestriction");
        }
    }

    private static void updateUser(AuthzSession session, String db, Document body) {
        UserId target = new UserId(UmcArgs.nameArgument("updateUser", body), db);
        List<RoleId> roles = body.containsKey("roles") ? roles("updateUser", body, db) : List.of();
        boolean changePassword = canChangeOwn(session, target, "changeOwnPassword")
                || session.privileges().allowsOnDatabase(db, "changePassword");
        if ((body.containsKey("pwd") || body.containsKey("mechanisms")) && !changePassword) {
            throw new NotAuthorized("Not authorized to change password of user: " + target);
        }
        if (body.containsKey("customData") && !canChangeOwn(session, target, "changeOwnCustomData")
                && !session.privileges().allowsOnDatabase(db, "changeCustomData")) {
            throw new NotAuthorized("Not authorized to change customData of user: " + target);
        }
        if (body.containsKey("roles")) {
            // The roles being replaced are unknown, so MongoDB asks for revokeRole on every database.
            session.require(ResourcePattern.ANY_NORMAL, "revokeRole", "In order to use updateUser to set roles"
                    + " array, must be authorized to revoke any role in the system");
            grantRoles(session, roles);
        }
        if (body.containsKey("authenticationRestrictions")) {
            session.requireOnDatabase(db, "setAuthenticationRestriction");
        }
    }

    private static boolean canChangeOwn(AuthzSession session, UserId target, String action) {
        return session.isAuthenticatedAs(target) && session.privileges().allowsOnDatabase(target.db(), action);
    }

    private static void usersInfo(AuthzSession session, String db, Document body) {
        UmcArgs.Target<UserId> target = UmcArgs.usersInfoTarget(body.get(UmcArgs.commandName(body, "usersInfo")), db);
        if (target instanceof UmcArgs.AllOnDatabase) {
            session.requireOnDatabase(db, "viewUser");
        } else if (target instanceof UmcArgs.AllDatabases) {
            session.requireOnCluster("viewUser");
        } else if (target instanceof UmcArgs.Exact<UserId> exact) {
            for (UserId user : exact.names()) {
                if (!session.isAuthenticatedAs(user)) {
                    session.requireOnDatabase(user.db(), "viewUser");
                }
            }
        }
    }

    private static void rolesInfo(AuthzSession session, String db, Document body) {
        UmcArgs.Target<RoleId> target = UmcArgs.rolesInfoTarget(body.get(UmcArgs.commandName(body, "rolesInfo")), db);
        if (target instanceof UmcArgs.Exact<RoleId> exact) {
            for (RoleId role : exact.names()) {
                if (!session.hasDirectRole(role)) {
                    session.requireOnDatabase(role.db(), "viewRole");
                }
            }
        } else {
            session.requireOnDatabase(db, "viewRole");
        }
    }

    private static void createRole(AuthzSession session, String db, Document body) {
        List<RoleId> roles = roles("createRole", body, db);
        List<GrantedPrivilege> privileges = privileges(body, db);
        session.requireOnDatabase(db, "createRole");
        grantRoles(session, roles);
        grantPrivileges(session, privileges);
        if (body.containsKey("authenticationRestrictions")) {
            session.requireOnDatabase(db, "setAuthenticationRestriction");
        }
    }

    private static void updateRole(AuthzSession session, String db, Document body) {
        List<RoleId> roles = body.containsKey("roles") ? roles("updateRole", body, db) : List.of();
        List<GrantedPrivilege> privileges = privileges(body, db);
        session.require(ResourcePattern.ANY_NORMAL, "revokeRole",
                "updateRole command required the ability to revoke any role in the system");
        grantRoles(session, roles);
        grantPrivileges(session, privileges);
        if (body.containsKey("authenticationRestrictions")) {
            session.requireOnDatabase(db, "setAuthenticationRestriction");
        }
    }

    private static void grantRoles(AuthzSession session, List<RoleId> roles) {
        for (RoleId role : roles) {
            session.require(ResourcePattern.database(role.db()), "grantRole", "Not authorized to grant role: " + role);
        }
    }

    private static void revokeRoles(AuthzSession session, List<RoleId> roles) {
        for (RoleId role : roles) {
            session.require(ResourcePattern.database(role.db()), "revokeRole", "Not authorized to revoke role: " + role);
        }
    }

    /** Privileges on one database need grantRole there; wider ones need grantRole on admin. */
    private static void grantPrivileges(AuthzSession session, List<GrantedPrivilege> privileges) {
        for (GrantedPrivilege privilege : privileges) {
            session.requireOnDatabase(grantingDatabase(privilege.resource()), "grantRole");
        }
    }

    private static void revokePrivileges(AuthzSession session, List<GrantedPrivilege> privileges) {
        for (GrantedPrivilege privilege : privileges) {
            session.requireOnDatabase(grantingDatabase(privilege.resource()), "revokeRole");
        }
    }

    private static String grantingDatabase(ResourcePattern resource) {
        if (resource instanceof ResourcePattern.Namespace ns && !ns.db().isEmpty()) {
            return ns.db();
        }
        return "admin";
    }

    private static List<RoleId> roles(String command, Document body, String db) {
        Object value = body.get("roles");
        if (value == null) {
            throw ServerErrors.missingField(command, "roles");
        }
        return UmcArgs.roles(command, "roles", value, db);
    }

    private static List<GrantedPrivilege> privileges(Document body, String db) {
        Object value = body.get("privileges");
        if (value == null) {
            return List.of();
        }
        return PrivilegeParser.parseAll(value);
    }
}
