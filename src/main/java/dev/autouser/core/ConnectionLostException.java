package dev.autouser.core;

/**
 * The connection to the server broke or could not be (re)opened. {@link #maybeApplied()} is true
 * when a command was sent and its reply lost: the server may or may not have applied it, which the
 * audit records as "sent, outcome unknown" and a later listing settles.
 */
public final class ConnectionLostException extends ConsoleException {
    private final boolean maybeApplied;

    public ConnectionLostException(String message, boolean maybeApplied, Throwable cause) {
        super(message, cause);
        this.maybeApplied = maybeApplied;
    }

    public boolean maybeApplied() {
        return maybeApplied;
    }
}
