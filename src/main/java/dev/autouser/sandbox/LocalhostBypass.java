package dev.autouser.sandbox;

import dev.autouser.sandbox.security.SecurityState;

/**
 * No authorization at all when the server runs without access control (mongod without
 * {@code --auth}), else mongod's localhost exception: with no user and no role defined anywhere, an unauthenticated
 * client connected over the loopback interface is not subject to authorization checks. The first
 * user or role created ends it for every connection, including the one that created it.
 */
final class LocalhostBypass {
    private final SecurityState security;
    private final boolean enabled;
    private final boolean accessControl;

    LocalhostBypass(SecurityState security, boolean enabled, boolean accessControl) {
        this.security = security;
        this.enabled = enabled;
        this.accessControl = accessControl;
    }

    boolean applies(ClientConnection connection) {
        if (!accessControl) {
            return true;
        }
        return enabled && !connection.isAuthenticated()
                && connection.clientAddress().getAddress().isLoopbackAddress()
                && security.users().size() == 0 && security.roles().all().isEmpty();
    }
}
