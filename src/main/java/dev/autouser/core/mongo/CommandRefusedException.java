package dev.autouser.core.mongo;

/** The server refused a command; {@link #code()} is MongoDB's error code (13 Unauthorized, 31 RoleNotFound...). */
public final class CommandRefusedException extends RuntimeException {
    public static final int UNAUTHORIZED = 13;
    public static final int USER_NOT_FOUND = 11;
    public static final int ROLE_NOT_FOUND = 31;
    public static final int ROLE_EXISTS = 51002;
    public static final int USER_EXISTS = 51003;

    private final int code;

    public CommandRefusedException(int code, String message) {
        super(message);
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean isUnauthorized() {
        return code == UNAUTHORIZED;
    }

    public boolean isAlreadyExists() {
        return code == ROLE_EXISTS || code == USER_EXISTS;
    }
}
