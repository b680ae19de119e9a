package dev.autouser.core.postgres;

import dev.autouser.core.ServerCommand;

import java.util.List;
import java.util.Objects;

/**
 * One SQL statement the console sends, complete (identifiers and literals quoted in the text, no
 * bind parameters): the dry run, the audit record, the command log and "Copy as psql" all show
 * {@link #shellText()}, which is exactly what {@link PostgresGateway#execute} sends.
 *
 * @param name    short name for logs ({@code ALTER ROLE}, {@code DROP ROLE}, {@code DO})
 * @param sql     the statement, without the trailing semicolon
 */
public record SqlCommand(String database, String name, String intent, String sql,
                         List<PrivilegeNeeded> requiredPrivileges) implements ServerCommand {
    public SqlCommand {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(sql, "sql");
        requiredPrivileges = List.copyOf(requiredPrivileges);
    }

    public static SqlCommand of(String database, String name, String intent, String sql) {
        return new SqlCommand(database, name, intent, sql, List.of());
    }

    /** The statement as psql takes it, with its semicolon. */
    @Override
    public String shellText() {
        return sql + ";";
    }

    /** A PostgreSQL privilege or attribute, for messages ("CREATEROLE", "ADMIN OPTION on \"alice\""). */
    public record PrivilegeNeeded(String what) implements RequiredPrivilege {
        @Override
        public String describe() {
            return what;
        }
    }
}
