package dev.autouser.sandbox;

import dev.autouser.sandbox.security.SecurityState;

/**
 * mongod's localhost exception: with no user and no role defined anywhere, an unauthenticated
 * client connected over the loopback interface is not subject to authorization checks. The first
 * user or role created ends it for every connection, including the one that created it.
 */
final class LocalhostBypass {
    private final SecurityState security;
    private final boolean enabled;

    LocalhostBypass(SecurityState security, boolean enabled) {
        this.security = security;
        this.enabled = enabled;
    }

    boolean applies(ClientConnection connection) {
        return enabled && !connection.isAuthenticated()
                && connection.clientAddress().getAddress().isLoopbackAddress()
                && security.users().size() == 0 && security.roles().all().isEmpty();
    }
}
