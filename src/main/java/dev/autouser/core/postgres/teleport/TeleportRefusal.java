package dev.autouser.core.postgres.teleport;

import java.util.Optional;

/**
 * Activation failed the way Teleport reports it to the person connecting: the sentence is the one
 * Teleport's {@code convertActivateError} produces, the cause the server's error.
 */
public final class TeleportRefusal extends Exception {
    public enum Kind {
        /** A role of that name exists outside {@code teleport-auto-user}: Teleport never takes it over. */
        NOT_MANAGED_BY_TELEPORT,
        /** TP002: connected, and the session would need other roles than the user holds. */
        ROLES_CHANGED,
        /** TP005: connected to the database, and the table permissions would change. */
        PERMISSIONS_CHANGED,
        /** Anything else the server refused (a missing role, a missing privilege ...). */
        OTHER
    }

    private final Kind kind;
    private final String sqlState;

    TeleportRefusal(Kind kind, String message, String sqlState, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.sqlState = sqlState;
    }

    public Kind kind() {
        return kind;
    }

    /** The server's SQLSTATE, e.g. {@code TP002}, {@code 42710} or {@code 42704}. */
    public String sqlState() {
        return sqlState;
    }

    public Optional<TeleportSqlState> teleportState() {
        return TeleportSqlState.of(sqlState);
    }
}
