package dev.autouser.core.teleport.adminsetup;

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

    /** The command's name, e.g. createRole. */
    public String commandName() {
        return command.keySet().iterator().next();
    }

    /** The object the command is about: the role or user name. */
    public String target() {
        return String.valueOf(command.get(commandName()));
    }
}
