package dev.autouser.core.mongo;

import java.util.OptionalInt;

/**
 * The one exception type the GUI and the CLI show, and the one "server refused" exception: a plain
 * one-sentence message for the person, plus the MongoDB server error code when the server refused
 * something. The cause keeps the
 * technical detail for the log.
 */
public final class ConsoleException extends RuntimeException {
    private final Integer serverCode;

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

    /** The MongoDB error code (e.g. 13 Unauthorized), when the server reported one. */
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

    /** Code 13: the identity lacks a privilege. */
    public boolean isUnauthorized() {
        return hasServerCode(MongoErrors.UNAUTHORIZED);
    }

    /** The user or role to create exists already (51003, 51002). */
    public boolean isAlreadyExists() {
        return hasServerCode(MongoErrors.USER_ALREADY_EXISTS) || hasServerCode(MongoErrors.ROLE_ALREADY_EXISTS);
    }
}
