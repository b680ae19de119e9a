package dev.autouser.core.mongo;

import dev.autouser.core.ConsoleException;
import org.bson.Document;

/**
 * Runs one database command on the connected server. The admin-setup and role-mapping features need
 * nothing more, so they stay testable and independent of how the connection was made.
 */
@FunctionalInterface
public interface CommandRunner {
    /**
     * @throws ConsoleException when the server answers with an error ({@link ConsoleException#isRefusal()},
     *                          its code and cause kept) or cannot be reached (no code)
     */
    Document run(String db, Document command);
}
