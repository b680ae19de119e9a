package dev.autouser.core.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cheap path of a batch: a grouped trail (outcomes forced with the next intent) and the writer's
 * remembered tail keep the same chain, records and order as one forced append per record, and the
 * remembered tail is never trusted once someone else has touched the file.
 */
class AuditBatchTest {
    @TempDir
    Path dir;

    @Test
    void aGroupedTrailWritesEveryIntentBeforeItsChangeAndEveryOutcomeAfterIt() {
        AuditLog log = new AuditLog(dir.resolve("audit.jsonl")).inRun("drop 3 users");
        AuditTrail trail = new AuditTrail(log, "db:27017", "CN=dba@$external").grouped();
        for (String user : List.of("CN=a", "CN=b", "CN=c")) {
            int before = log.read().entries().size();
            trail.change("db.dropUser(\"" + user + "\")", user, () -> {
                List<AuditRecord> during = log.readNewestFirst(1);
                assertEquals(AuditRecord.Phase.INTENT, during.get(0).phase());
                assertEquals(user, during.get(0).targetUser());
                assertEquals(before + 1, log.read().entries().size(), "only the intent is new while the command runs");
                return "sent";
            }, sent -> "ok");
            // The outcome is in the file right away (a crash of this process cannot lose it), before sync.
            AuditRecord outcome = AuditLog.readFile(log.file()).entries().get(before + 1).record();
            assertEquals(AuditRecord.Phase.OUTCOME, outcome.phase());
            assertEquals(user, outcome.targetUser());
        }
        trail.sync();
        AuditReading reading = log.read();
        assertEquals(ChainVerdict.Status.INTACT, reading.verdict().status(), reading.verdict().summary());
        assertEquals(List.of("INTENT", "OUTCOME", "INTENT", "OUTCOME", "INTENT", "OUTCOME"),
                reading.entries().stream().map(e -> e.record().phase().name()).toList());
        assertEquals(reading.verdict().head().orElseThrow().seq(), reading.entries().get(5).seq(),
                "the head file names the last outcome");
    }

    @Test
    void anAppendAfterAnotherProgramAddedALineStartsOnANewLineAndKeepsTheChain() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        AuditLog log = new AuditLog(file).inRun("one");
        log.append(AuditRecord.now("s", "i", "lock CN=a", "CN=a", "ok"));
        // Someone appends by hand, without a newline: the remembered tail no longer describes the file.
        Files.writeString(file, "{\"note\":\"by hand\"}", java.nio.file.StandardOpenOption.APPEND);
        log.append(AuditRecord.now("s", "i", "lock CN=b", "CN=b", "ok"));
        List<String> lines = Files.readAllLines(file);
        assertEquals("{\"note\":\"by hand\"}", lines.get(lines.size() - 2));
        assertTrue(lines.get(lines.size() - 1).startsWith("{\"seq\":3,"), lines.get(lines.size() - 1));
        assertEquals(2, AuditLog.readFile(file).entries().size());
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void recordsAnotherProcessAppendedBetweenTwoOfOursAreContinuedFromNotForked() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        AuditLog here = new AuditLog(file, Origin.current(Channel.GUI)).inRun("here");
        here.append(AuditRecord.now("s", "i", "lock CN=here-0", "CN=here-0", "ok"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process other = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                AuditWriterProcess.class.getName(), file.toString(), "other", "3", String.valueOf(16L << 20))
                .redirectErrorStream(true).redirectOutput(dir.resolve("other.out").toFile()).start();
        assertTrue(other.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, other.exitValue(), Files.readString(dir.resolve("other.out")));
        here.append(AuditRecord.now("s", "i", "lock CN=here-1", "CN=here-1", "ok"));
        AuditReading reading = here.read();
        assertEquals(ChainVerdict.Status.INTACT, reading.verdict().status(), reading.verdict().summary());
        assertEquals(List.of("lock CN=here-0", "lock CN=other-0", "lock CN=other-1", "lock CN=other-2", "lock CN=here-1"),
                reading.entries().stream().map(e -> e.record().command()).toList());
    }

    @Test
    void aGroupedBatchAcrossARotationLosesNoRecordAndKeepsOneChain() {
        Path file = dir.resolve("audit.jsonl");
        AuditLog log = new AuditLog(file, Origin.current(Channel.CLI), 3_000).inRun("drop 20 users");
        AuditTrail trail = new AuditTrail(log, "db:27017", "CN=dba@$external").grouped();
        for (int i = 0; i < 20; i++) {
            trail.change("db.dropUser(\"CN=u" + i + "\")", "CN=u" + i, () -> "sent", sent -> "ok");
        }
        trail.sync();
        AuditReading reading = log.read();
        assertEquals(ChainVerdict.Status.INTACT, reading.verdict().status(), reading.verdict().summary());
        assertEquals(40, reading.entries().stream().filter(e -> !e.record().command().isEmpty()
                && e.record().targetUser().startsWith("CN=u")).count());
        assertTrue(reading.entries().stream().map(AuditEntry::file).distinct().count() > 2, "rotated more than once");
    }
}
