package dev.autouser.core.postgres.teleport;

import java.util.Arrays;
import java.util.Optional;

/**
 * The SQLSTATE values Teleport's PostgreSQL procedures raise or return (Teleport's
 * {@code lib/srv/db/common}: TP000–TP005), with what each means to a DBA.
 */
public enum TeleportSqlState {
    ACTIVE_USER("TP000", "the user has active connections, so Teleport left it as it was"),
    USERNAME_DOES_NOT_MATCH("TP001", "the Teleport user name does not match the database user's attributes"),
    ROLES_CHANGED("TP002", "the user has active connections and its roles have changed"),
    USER_DROPPED("TP003", "the user was dropped"),
    USER_DEACTIVATED("TP004", "the user owns objects, so it was deactivated instead of dropped"),
    PERMISSIONS_CHANGED("TP005", "the user has active connections to this database and its permissions have changed");

    private final String code;
    private final String meaning;

    TeleportSqlState(String code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public String code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    public static Optional<TeleportSqlState> of(String sqlState) {
        return Arrays.stream(values()).filter(s -> s.code.equals(sqlState)).findFirst();
    }
}
