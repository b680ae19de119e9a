package dev.autouser.core;

import java.util.OptionalInt;

/**
 * The one exception type the GUI and the CLI show, and the one "server refused" exception: a plain
 * one-sentence message for the person, plus the server error code when the server refused
 * something. The cause keeps the
 * technical detail for the log. {@link ConnectionLostException} marks a broken connection, which
 * stops bulk work instead of costing a time-out per remaining user.
 */
public class ConsoleException extends RuntimeException {
    private final Integer serverCode;
    private volatile boolean logged;

    public ConsoleException(String message) {
        this(message, null, null);
    }

    public ConsoleException(String message, Throwable cause) {
        this(message, null, cause);
    }

    public ConsoleException(String message, Integer serverCodeOrNull, Throwable cause) {
        super(message, cause);
        this.serverCode = serverCodeOrNull;
    }

    /**
     * Says that this failure is in the log with its cause (the command log does it for every server
     * command), so the layers above log one outcome line instead of the stack trace again.
     */
    public ConsoleException markLogged() {
        logged = true;
        return this;
    }

    public boolean isLogged() {
        return logged;
    }

    /** The server's numeric error code (MongoDB's, e.g. 13 Unauthorized), when it reported one. */
    public OptionalInt serverCode() {
        return serverCode == null ? OptionalInt.empty() : OptionalInt.of(serverCode);
    }

    public boolean hasServerCode(int code) {
        return serverCode != null && serverCode == code;
    }

    /** The server answered and said no (any code); false when it could not be asked at all. */
    public boolean isRefusal() {
        return serverCode != null;
    }
}
