package dev.autouser.core.provisioning;

import java.util.Objects;

/** One client connection authenticated as an auto-user, from {@code $currentOp}. */
public record LiveSession(long connectionId, String clientAddress, String appName) {
    public LiveSession {
        Objects.requireNonNull(clientAddress, "clientAddress");
        Objects.requireNonNull(appName, "appName");
    }
}
