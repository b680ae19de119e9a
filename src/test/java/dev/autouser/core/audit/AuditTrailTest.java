package dev.autouser.core.audit;

import dev.autouser.core.ConnectionLostException;
import dev.autouser.core.ConsoleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditTrailTest {
    @TempDir
    Path dir;

    private AuditTrail trail(Path file) {
        return new AuditTrail(new AuditLog(file), "db:27017", "CN=dba@$external");
    }

    @Test
    void intentIsOnDiskBeforeTheCommandIsSentAndTheOutcomeAfter() {
        AuditLog log = new AuditLog(dir.resolve("audit.jsonl"));
        AuditTrail trail = new AuditTrail(log, "db:27017", "CN=dba@$external");
        trail.change("db.dropUser(\"CN=a\")", "CN=a", () -> {
            List<AuditRecord> during = log.readNewestFirst(10);
            assertEquals(1, during.size());
            assertEquals(AuditRecord.Phase.INTENT, during.get(0).phase());
            return "sent";
        }, sent -> "ok");
        List<AuditRecord> after = log.readNewestFirst(10);
        assertEquals(List.of(AuditRecord.Phase.OUTCOME, AuditRecord.Phase.INTENT),
                after.stream().map(AuditRecord::phase).toList());
        assertEquals("ok", after.get(0).result());
        assertEquals(after.get(0).actionId(), after.get(1).actionId());
        assertFalse(after.get(0).actionId().isEmpty());
    }

    @Test
    void aLostReplyIsRecordedAsSentOutcomeUnknown() {
        AuditLog log = new AuditLog(dir.resolve("audit.jsonl"));
        ConsoleException lost = assertThrows(ConnectionLostException.class, () -> trail(log.file()).change("cmd", "CN=a",
                () -> {
                    throw new ConnectionLostException("Lost the connection to db:27017", true, null);
                }, x -> "ok"));
        AuditRecord outcome = log.readNewestFirst(1).get(0);
        assertTrue(outcome.outcomeUnknown(), outcome.result());
        assertTrue(outcome.result().startsWith("sent, outcome unknown: " + lost.getMessage()), outcome.result());
    }

    @Test
    void whenTheIntentCannotBeWrittenNothingIsSent() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        Files.createDirectory(file);
        AtomicBoolean sent = new AtomicBoolean();
        AuditUnwritableException e = assertThrows(AuditUnwritableException.class, () -> trail(file).change("cmd", "CN=a",
                () -> sent.getAndSet(true), x -> "ok"));
        assertFalse(sent.get());
        assertTrue(e.applied().isEmpty());
        assertTrue(e.getMessage().contains("Nothing was changed"), e.getMessage());
    }

    @Test
    void whenTheOutcomeCannotBeWrittenTheErrorSaysWhatWasApplied() {
        Path file = dir.resolve("audit.jsonl");
        AuditUnwritableException e = assertThrows(AuditUnwritableException.class, () -> trail(file).change(
                "db.getSiblingDB(\"$external\").runCommand({dropUser: \"CN=a\"})", "CN=a", () -> {
                    // the server applied the command; then the log became read-only
                    makeReadOnly(file);
                    return "dropped";
                }, x -> "ok"));
        assertTrue(e.applied().isPresent());
        assertTrue(e.getMessage().startsWith("The server was changed but its outcome is not in the audit log: "
                + "db.getSiblingDB(\"$external\").runCommand({dropUser: \"CN=a\"}) on CN=a: ok."), e.getMessage());
    }

    @Test
    void theLogIsCreatedOwnerOnly() throws Exception {
        Path file = dir.resolve("data/audit.jsonl");
        trail(file).note("cmd", "CN=a", "refused: x");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    private static void makeReadOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
