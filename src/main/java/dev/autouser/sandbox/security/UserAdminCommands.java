package dev.autouser.sandbox.security;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Locale;

/**
 * MongoDB's user and role administration commands over a {@link SecurityState}: usersInfo,
 * createUser, updateUser, dropUser, grantRolesToUser, revokeRolesFromUser, createRole, updateRole,
 * dropRole, grantPrivilegesToRole, revokePrivilegesFromRole, grantRolesToRole, revokeRolesFromRole,
 * rolesInfo and connectionStatus. Replies include {@code ok: 1.0};
 * failures are MongoServerErrors with MongoDB's codes and messages.
 *
 * <p>This class does not authorize: the server calls {@link Authorizer#check} first, as mongod
 * checks privileges before running a command. Writes are serialized like mongod's user-management
 * lock, so checks and the change they guard happen atomically.
 */
public final class UserAdminCommands {

    private final Object writeLock = new Object();
    private final UsersInfoCommand usersInfo;
    private final RolesInfoCommand rolesInfo;
    private final UserWriteCommands users;
    private final RoleCommands roles;
    private final ConnectionStatusCommand connectionStatus;
    private final SecurityState state;

    /** {@code serverVersion} is the version buildInfo reports, e.g. "7.0.14"; it decides showCustomData. */
    public UserAdminCommands(SecurityState state, String serverVersion) {
        SandboxVersion version = SandboxVersion.parse(serverVersion);
        this.state = state;
        this.usersInfo = new UsersInfoCommand(state, version);
        this.rolesInfo = new RolesInfoCommand(state);
        this.users = new UserWriteCommands(state);
        this.roles = new RoleCommands(state);
        this.connectionStatus = new ConnectionStatusCommand(state);
    }

    /** Whether {@code commandName} (any letter case) is one of the commands above. */
    public boolean handles(String commandName) {
        return CommandTable.findIgnoringCase(commandName)
                .filter(spec -> spec.handler() == CommandSpec.Handler.USER_ADMIN).isPresent();
    }

    public Document handle(String db, String commandName, Document command, List<UserId> authenticated) {
        String key = commandName.toLowerCase(Locale.ROOT);
        switch (key) {
            case "usersinfo":
                return usersInfo.run(db, command);
            case "rolesinfo":
                return rolesInfo.run(db, command);
            case "connectionstatus":
                return connectionStatus.run(command, authenticated);
            case "invalidateusercache":
                // Only a router caches users; a mongod reads its own store on every lookup.
                state.invalidateUserCache();
                return UserWriteCommands.ok();
            default:
                synchronized (writeLock) {
                    try {
                        return write(db, key, command);
                    } finally {
                        // Even a failed write may have changed something (as mongod's comment says).
                        state.invalidateUserCache();
                    }
                }
        }
    }

    private Document write(String db, String key, Document command) {
        return switch (key) {
            case "createuser" -> users.createUser(db, command);
            case "updateuser" -> users.updateUser(db, command);
            case "dropuser" -> users.dropUser(db, command);
            case "dropallusersfromdatabase" -> users.dropAllUsersFromDatabase(db, command);
            case "dropallrolesfromdatabase" -> roles.dropAllRolesFromDatabase(db, command);
            case "grantrolestouser" -> users.grantRolesToUser(db, command);
            case "revokerolesfromuser" -> users.revokeRolesFromUser(db, command);
            case "createrole" -> roles.createRole(db, command);
            case "updaterole" -> roles.updateRole(db, command);
            case "droprole" -> roles.dropRole(db, command);
            case "grantprivilegestorole" -> roles.grantPrivilegesToRole(db, command);
            case "revokeprivilegesfromrole" -> roles.revokePrivilegesFromRole(db, command);
            case "grantrolestorole" -> roles.grantRolesToRole(db, command);
            case "revokerolesfromrole" -> roles.revokeRolesFromRole(db, command);
            default -> throw new IllegalArgumentException("not a user administration command: " + key);
        };
    }
}
