package dev.autouser.cli;

import com.mongodb.client.MongoClient;
import dev.autouser.core.audit.AuditRecord;
import dev.autouser.testsupport.MongoTarget;
import dev.autouser.testsupport.Seeds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 9: refusals are audited the same way for every command. Before, a refused lock, drop or
 * cleanup left no record at all, deactivate wrote "skipped: ..." with a server command it never
 * sent, and an unknown user was recorded by no command.
 */
class RefusalAuditTest {
    private final MongoTarget target = MongoTarget.sandbox();
    private final Seeds seeds = new Seeds(target);

    @AfterEach
    void cleanUp() {
        seeds.dropAll();
    }

    private static void assertOneRefusal(CliRun run, String verb, String user, String reasonStart) {
        List<AuditRecord> records = run.audit();
        assertEquals(1, records.size(), run + "\n" + records);
        AuditRecord refusal = records.get(0);
        assertEquals(verb + " CN=" + user, refusal.command(), refusal.toString());
        assertEquals("CN=" + user, refusal.targetUser(), refusal.toString());
        assertEquals("refused: " + reasonStart, refusal.result().substring(0, Math.min(refusal.result().length(),
                ("refused: " + reasonStart).length())), refusal.toString());
    }

    @Test
    void lockOfAUserTeleportDoesNotManage() {
        String human = seeds.plainUser("human", null);

        assertOneRefusal(CliRun.as(target, "dba", "lock", human), "lock", human, "not managed by Teleport");
    }

    @Test
    void dropOfAConnectedUser() {
        String busy = seeds.autoUser("busy", false, "read@db1");
        try (MongoClient session = seeds.connect(busy, "mongosh")) {
            session.getDatabase("admin").runCommand(new org.bson.Document("ping", 1));

            assertOneRefusal(CliRun.as(target, "dba", "drop", busy, "--yes"), "drop", busy, "has 1 live connection");
        }
    }

    @Test
    void deactivateOfAUserTeleportDoesNotManage() {
        String human = seeds.plainUser("human", null);

        assertOneRefusal(CliRun.as(target, "dba", "deactivate", human), "deactivate", human, "user \"" + human + "\" is not managed");
    }

    @Test
    void deactivateOfAConnectedUser() {
        String busy = seeds.autoUser("busy", false, "read@db1");
        try (MongoClient session = seeds.connect(busy, "mongosh")) {
            session.getDatabase("admin").runCommand(new org.bson.Document("ping", 1));

            assertOneRefusal(CliRun.as(target, "dba", "deactivate", busy), "deactivate", busy, "has active connections");
        }
    }

    @Test
    void deactivateOfAnUnknownUser() {
        String ghost = Seeds.unique("ghost");

        assertOneRefusal(CliRun.as(target, "dba", "deactivate", ghost), "deactivate", ghost, "no such user in $external");
    }

    @Test
    void activateOverAUserTeleportDoesNotManage() {
        String human = seeds.plainUser("human", null);

        assertOneRefusal(CliRun.as(target, "dba", "activate", human, "--roles", "read@db1"), "activate", human,
                "user \"" + human + "\" already exists");
    }
}
