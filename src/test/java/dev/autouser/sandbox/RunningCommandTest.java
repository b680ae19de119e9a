package dev.autouser.sandbox;

import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** currentOp reads a snapshot taken when the command started, never the live command document. */
class RunningCommandTest {

    @Test
    void theSnapshotIsRedactedAndDoesNotFollowLaterChangesToTheCommand() {
        List<Object> roles = new ArrayList<>(List.of("read"));
        Document command = new Document("createUser", "alice").append("pwd", "secret").append("roles", roles);
        RunningCommand running = RunningCommand.started(7, "admin", "createUser", command, System.nanoTime());

        command.put("pwd", "changed");
        command.put("later", true);
        roles.add("readWrite");

        assertEquals(new Document("createUser", "alice").append("pwd", "xxx").append("roles", List.of("read")),
                running.command());
    }

    @Test
    void saslPayloadsAreRedactedToo() {
        Document command = new Document("saslStart", 1).append("mechanism", "SCRAM-SHA-256")
                .append("payload", "n,,n=alice,r=abc");
        assertEquals("xxx", RunningCommand.started(1, "admin", "saslStart", command, 0).command().get("payload"));
    }
}
