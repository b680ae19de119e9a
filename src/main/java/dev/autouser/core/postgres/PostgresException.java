package dev.autouser.core.postgres;

import dev.autouser.core.ConsoleException;
import java.util.Optional;

/**
 * PostgreSQL refused a statement: the plain sentence for the person, with the server's SQLSTATE
 * ({@code 2BP01} dependent objects, {@code 42501} insufficient privilege, the console's own
 * {@code AU001}/{@code AU002} refusals) and its DETAIL (what a role owns) kept for the caller.
 */
public final class PostgresException extends ConsoleException {
    private final String sqlState;
    private final String detail;

    public PostgresException(String message, String sqlState, String detail, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState == null ? "" : sqlState;
        this.detail = detail == null ? "" : detail;
    }

    public String sqlState() {
        return sqlState;
    }

    public boolean hasState(String state) {
        return sqlState.equals(state);
    }

    /** The server's DETAIL line(s), e.g. "owner of table sales.orders\n1 object in database reporting"; may be empty. */
    public Optional<String> detail() {
        return detail.isEmpty() ? Optional.empty() : Optional.of(detail);
    }

    /** A refusal by the server (it answered with a SQLSTATE); the CLI's exit code 1 rather than 2. */
    @Override
    public boolean isRefusal() {
        return !sqlState.isEmpty();
    }
}
