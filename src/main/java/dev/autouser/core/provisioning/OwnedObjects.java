package dev.autouser.core.provisioning;

import java.util.Objects;

/**
 * How many objects (tables, schemas, sequences, functions, ...) a user owns in one database: what
 * keeps PostgreSQL from dropping the user (SQLSTATE 2BP01) until they are reassigned or dropped.
 *
 * @param database the database, or empty for objects of the whole server (databases, tablespaces)
 */
public record OwnedObjects(String database, int count) {
    public OwnedObjects {
        Objects.requireNonNull(database, "database");
        if (count < 0) {
            throw new IllegalArgumentException("count < 0");
        }
    }

    /** "3 in sales", "1 of the server's" for databases or tablespaces the user owns. */
    public String describe() {
        return count + (database.isEmpty() ? " of the server's (databases, tablespaces)" : " in " + database);
    }
}
