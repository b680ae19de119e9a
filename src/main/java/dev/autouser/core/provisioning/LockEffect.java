package dev.autouser.core.provisioning;

/**
 * What the console says a lock ({@code authenticationRestrictions: [{clientSource: ["0.0.0.0"]}]})
 * does, in one place. Proven against the server by {@code LockEffectContract}: new logins fail,
 * and a connection opened before the lock keeps its socket but mongod removes the user from it
 * when its next command starts, so that command fails with 13 "requires authentication".
 */
public final class LockEffect {
    public static final String ON_OPEN_CONNECTIONS = "Connections opened before the lock stay open, but MongoDB "
            + "removes the user from them on their next command, so they can no longer run anything as this user.";

    private LockEffect() {
    }
}
