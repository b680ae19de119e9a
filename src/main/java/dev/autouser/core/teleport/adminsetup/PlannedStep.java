package dev.autouser.core.teleport.adminsetup;

import dev.autouser.core.mongo.MongoCommand;
import org.bson.Document;

import java.util.Optional;

/**
 * One command to run in one database, and why. When the server could not be read, the step is
 * "create, or if it already exists run {@code whenExists}" so applying it stays idempotent.
 */
public record PlannedStep(String db, Document command, String purpose, Optional<Document> whenExists) {
    public static PlannedStep of(String db, Document command, String purpose) {
        return new PlannedStep(db, command, purpose, Optional.empty());
    }

    /** The step as a command value: what is run, audited and shown in the script. */
    public MongoCommand toCommand() {
        return MongoCommand.of(db, command, purpose);
    }

    /** The command run instead when the object already exists, as a command value. */
    public Optional<MongoCommand> fallback() {
        return whenExists.map(body -> MongoCommand.of(db, body, purpose + " (it already exists)"));
    }

    /** The command's name, e.g. createRole. */
    public String commandName() {
        return command.keySet().iterator().next();
    }

    /** The object the command is about: the role or user name. */
    public String target() {
        return String.valueOf(command.get(commandName()));
    }
}
