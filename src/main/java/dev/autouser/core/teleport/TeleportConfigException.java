package dev.autouser.core.teleport;

/** A problem in Teleport configuration (a role or db resource), phrased for the person who wrote it. */
public final class TeleportConfigException extends RuntimeException {
    public TeleportConfigException(String message) {
        super(message);
    }

    public TeleportConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
