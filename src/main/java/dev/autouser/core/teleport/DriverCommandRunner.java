package dev.autouser.core.teleport;

import dev.autouser.core.mongo.CommandRunner;
import dev.autouser.core.mongo.CommandRefusedException;
import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import org.bson.Document;

/** A {@link CommandRunner} over a driver client; server errors keep their code. */
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
            throw new CommandRefusedException(e.getErrorCode(), e.getErrorMessage());
        }
    }
}
