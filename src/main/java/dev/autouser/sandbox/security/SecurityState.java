package dev.autouser.sandbox.security;

/**
 * The users and roles of one sandbox server. Seeding code writes to the stores directly (like an
 * init script); clients change them only through {@link UserAdminCommands} after {@link Authorizer}.
 */
public final class SecurityState {

    private final UserStore users = new UserStore();
    private final RoleStore roles = new RoleStore();

    public UserStore users() {
        return users;
    }

    public RoleStore roles() {
        return roles;
    }
}
