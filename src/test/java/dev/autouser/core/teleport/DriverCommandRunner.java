package dev.autouser.core.teleport;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import dev.autouser.core.mongo.CommandRunner;
import dev.autouser.core.ConsoleException;
import org.bson.Document;

/**
 * Tests only: a {@link CommandRunner} straight over a driver client (fixtures acting as the DBA or
 * Teleport's admin); a server refusal keeps its code and its cause, as the product's runner does.
 */
public final class DriverCommandRunner implements CommandRunner {
    private final MongoClient client;

    public DriverCommandRunner(MongoClient client) {
        this.client = client;
    }

    @Override
    public Document run(String db, Document command) {
        try {
            return client.getDatabase(db).runCommand(command);
        } catch (MongoCommandException e) {
            throw new ConsoleException(e.getErrorMessage(), e.getErrorCode(), e);
        }
    }
}
