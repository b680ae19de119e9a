package dev.autouser.sandbox.security;

import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.bson.Document;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** User and role administration commands run on a fixture state as the server's dispatcher runs them (no authorization). */
final class AdminCommandRun {
    final SecurityState state;
    private final UserAdminCommands commands;

    AdminCommandRun(SecurityState state) {
        this.state = state;
        this.commands = new UserAdminCommands(state, "7.0.14");
    }

    /** Runs {@code json} (its first field names the command) in {@code db}. */
    Document run(String db, String json) {
        Document command = Docs.json(json);
        return commands.handle(db, command.keySet().iterator().next(), command, List.of());
    }

    /** Runs {@code json} and returns MongoDB's refusal; fails when the command succeeds. */
    MongoServerError fails(String db, String json) {
        return assertThrows(MongoServerError.class, () -> run(db, json));
    }
}
