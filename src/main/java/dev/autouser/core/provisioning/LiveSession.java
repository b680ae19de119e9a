package dev.autouser.core.provisioning;

import java.util.Objects;

/**
 * One client connection authenticated as an auto-user, from {@code $currentOp}.
 *
 * @param node where the connection is: the member or router that reported it ({@code localhost:27018
 *             (secondary)}), empty on a standalone
 */
public record LiveSession(long connectionId, String clientAddress, String appName, String node) {
    public LiveSession {
        Objects.requireNonNull(clientAddress, "clientAddress");
        Objects.requireNonNull(appName, "appName");
        Objects.requireNonNull(node, "node");
    }

    /** A session on a standalone server, where there is only one place to be. */
    public LiveSession(long connectionId, String clientAddress, String appName) {
        this(connectionId, clientAddress, appName, "");
    }
}
