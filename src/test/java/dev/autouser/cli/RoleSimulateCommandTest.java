package dev.autouser.cli;

import dev.autouser.core.audit.AuditRecord;
import dev.autouser.core.audit.Mark;
import dev.autouser.testsupport.MongoTarget;
import dev.autouser.testsupport.ServerCleanup;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10 item 2: {@code role simulate --user CN=rupert} announced {@code CN=CN=rupert} and then
 * dropped the existing auto-user {@code CN=rupert}. One name normalisation, a dry run that shows
 * what the run does, and no existing user touched unless named as the target.
 */
class RoleSimulateCommandTest {
    private final MongoTarget target = MongoTarget.sandbox();
    private final String rupert = "rupert-" + UUID.randomUUID().toString().substring(0, 8);
    private final String fresh = "fresh-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void cleanUp() {
        ServerCleanup.dropUser(target.dba(), "CN=" + rupert);
        ServerCleanup.dropUser(target.dba(), "CN=" + fresh);
    }

    private static Path role(String mode, String entry) {
        return CliRun.file("kind: role\nversion: v7\nmetadata:\n  name: auto\nspec:\n  options:\n    create_db_user_mode: "
                + mode + "\n  allow:\n    db_roles:\n    - '" + entry + "'\n");
    }

    private void existingAutoUser(String name) {
        target.dba().getDatabase("$external").runCommand(new Document("createUser", "CN=" + name)
                .append("roles", List.of(new Document("role", "read").append("db", "db2")))
                .append("customData", new Document("teleport-auto-user", true)));
    }

    private Document user(String name) {
        List<Document> users = target.dba().getDatabase("$external").runCommand(new Document("usersInfo",
                new Document("user", "CN=" + name).append("db", "$external"))).getList("users", Document.class);
        return users.isEmpty() ? null : users.get(0);
    }

    @Test
    void previewAndSimulateReadCnPrefixedNamesAsTheSameUser() {
        CliRun preview = CliRun.as(target, "dba", "role", "preview", role("keep", "read@db1").toString(), "--user", "CN=" + fresh);
        CliRun dryRun = CliRun.as(target, "dba", "role", "simulate", role("keep", "read@db1").toString(),
                "--user", "CN=" + fresh, "--dry-run");

        assertTrue(preview.out().startsWith("MongoDB user: CN=" + fresh + " in $external"), preview.toString());
        assertFalse(preview.out().contains("CN=CN="), preview.toString());
        assertFalse(dryRun.out().contains("CN=CN="), dryRun.toString());
        assertTrue(dryRun.out().contains("createUser: \"CN=" + fresh + "\""), dryRun.toString());
    }

    @Test
    void simulationRefusesAnExistingAutoUserThatWasNotNamedAsTheTarget() {
        existingAutoUser(rupert);

        CliRun run = CliRun.as(target, "dba", "role", "simulate", role("best_effort_drop", "read@db1").toString(),
                "--user", "CN=" + rupert);

        assertEquals(1, run.code(), run.toString());
        assertTrue(run.out().contains("Simulation not run: CN=" + rupert + " already exists"), run.toString());
        Document after = user(rupert);
        assertTrue(after != null, "the existing user must not be dropped");
        assertEquals(List.of(new Document("role", "read").append("db", "db2")), after.getList("roles", Document.class));
        assertEquals(1, run.audit().size(), run.audit().toString());
        assertEquals("simulate CN=" + rupert, run.audit().get(0).command());
        assertTrue(run.audit().get(0).result().contains("refused: CN=" + rupert + " already exists"), run.audit().toString());
    }

    @Test
    void dryRunOfAnExistingUserShowsTheRefusalTheRunWouldGive() {
        existingAutoUser(rupert);

        CliRun dryRun = CliRun.as(target, "dba", "role", "simulate", role("keep", "read@db1").toString(),
                "--user", rupert, "--dry-run");

        assertEquals(1, dryRun.code(), dryRun.toString());
        assertTrue(dryRun.out().contains("Refused: CN=" + rupert + " already exists"), dryRun.toString());
    }

    @Test
    void anExistingUserNamedAsTheTargetIsSimulatedAndTheDryRunListsTheRunsCommands() {
        existingAutoUser(rupert);
        Path file = role("keep", "read@db1");

        CliRun dryRun = CliRun.as(target, "dba", "role", "simulate", file.toString(), "--user", rupert,
                "--existing-user", "CN=" + rupert, "--dry-run");
        CliRun run = CliRun.as(target, "dba", "role", "simulate", file.toString(), "--user", rupert,
                "--existing-user", "CN=" + rupert);

        assertEquals(0, dryRun.code(), dryRun.toString());
        assertTrue(dryRun.out().contains("session start (activate): Teleport reactivates the user"), dryRun.toString());
        assertTrue(dryRun.out().contains("updateUser: \"CN=" + rupert + "\""), dryRun.toString());
        assertTrue(dryRun.out().contains("session end (deactivate, keep mode): lock CN=" + rupert), dryRun.toString());
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("session start (activate): activated\nsession end (deactivate, keep mode): deactivated"), run.toString());
        assertEquals(List.of(), user(rupert).getList("roles", Document.class));
    }

    @Test
    void simulationAsTheDbaSaysPlainlyThatItDoesNotProveTheAdminsPrivileges() {
        CliRun run = CliRun.as(target, "dba", "role", "simulate", role("keep", "read@db1").toString(), "--user", fresh);

        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("Runs as CN=dba@$external."), run.toString());
        assertTrue(run.out().contains("not as Teleport's admin"), run.toString());
        assertFalse(run.out().contains("Teleport can run this session end to end"), run.toString());
    }

    @Test
    void simulationWithTheAdminCertificateRunsAsTeleportsAdminAndIsMarkedInTheAudit() {
        CliRun run = CliRun.as(target, "dba", "role", "simulate", role("keep", "read@db1").toString(), "--user", fresh,
                "--as-admin", target.clientFile(MongoTarget.TELEPORT_ADMIN).toString());

        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("Runs as CN=teleport-admin@$external."), run.toString());
        assertTrue(run.out().contains("as Teleport's admin CN=teleport-admin@$external: Teleport can run this session end to end"),
                run.toString());
        List<AuditRecord> records = run.audit();
        assertEquals(2, records.size(), records.toString());
        records.forEach(r -> {
            assertEquals("CN=teleport-admin@$external", r.identity());
            assertTrue(r.run().has(Mark.SIMULATION), r.toString());
            assertTrue(r.result().startsWith("ok"), r.toString());
        });
    }
}
