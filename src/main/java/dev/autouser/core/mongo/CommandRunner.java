package dev.autouser.core.mongo;

import org.bson.Document;

/**
 * Runs one database command on the connected server. The admin-setup and role-mapping features need
 * nothing more, so they stay testable and independent of how the connection was made.
 */
@FunctionalInterface
public interface CommandRunner {
    /**
     * @throws CommandRefusedException when the server answers with an error (its code kept)
     */
    Document run(String db, Document command);
}
