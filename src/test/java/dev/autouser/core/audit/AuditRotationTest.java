package dev.autouser.core.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditRotationTest {
    @TempDir
    Path dir;

    private static AuditRecord record(int i) {
        return new AuditRecord(Instant.parse("2026-11-05T10:00:00Z").plusSeconds(i), "ann", "db1:27017",
                "CN=dba@$external", "db.getSiblingDB(\"$external\").runCommand({\"dropUser\": \"CN=u" + i + "\"})",
                "CN=u" + i, "ok");
    }

    private List<String> fileNames() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsonl")).sorted().toList();
        }
    }

    @Test
    void rotationBySizeContinuesTheChainAcrossFiles() throws Exception {
        AuditLog log = new AuditLog(dir.resolve("audit.jsonl"), Origin.current(Channel.CLI), 2_000);
        for (int i = 0; i < 40; i++) {
            log.append(record(i));
        }
        assertTrue(fileNames().size() > 3, fileNames().toString());
        AuditReading reading = log.read();
        assertEquals(ChainVerdict.Status.INTACT, reading.verdict().status(), reading.verdict().summary());
        assertEquals(40, reading.verdict().chainedRecords());
        assertEquals(40, reading.entries().size());
        assertEquals("CN=u0", reading.entries().get(0).record().targetUser());
        assertEquals("CN=u39", log.readNewestFirst(1).get(0).targetUser());
        // Each new file's genesis names the file it continues.
        String live = Files.readAllLines(log.file()).get(0);
        assertTrue(live.contains("\"previousFile\":\"audit-"), live);
    }

    @Test
    void aRemovedRotatedFileBreaksTheChain() throws Exception {
        AuditLog log = new AuditLog(dir.resolve("audit.jsonl"), Origin.current(Channel.CLI), 2_000);
        for (int i = 0; i < 40; i++) {
            log.append(record(i));
        }
        String second = fileNames().get(1);
        assertTrue(second.matches("audit-\\d{4}-\\d{2}-\\d{9}\\.jsonl"), second);
        Files.delete(dir.resolve(second));
        ChainVerdict verdict = log.verify();
        assertEquals(ChainVerdict.Status.BROKEN, verdict.status(), verdict.summary());
        assertTrue(verdict.problem().orElseThrow().what().contains("missing"), verdict.summary());
    }

    @Test
    void aNewMonthStartsANewFileThatContinuesTheChain() throws Exception {
        LogFiles files = new LogFiles(dir.resolve("audit.jsonl"));
        ChainWriter writer = new ChainWriter(files, ChainWriter.DEFAULT_MAX_BYTES);
        writer.append(RecordJson.toJson(record(1)), Instant.parse("2026-10-31T23:59:00Z"));
        writer.append(RecordJson.toJson(record(2)), Instant.parse("2026-10-31T23:59:30Z"));
        writer.append(RecordJson.toJson(record(3)), Instant.parse("2026-11-01T00:00:10Z"));
        assertEquals(List.of("audit-2026-10-000000001.jsonl", "audit.jsonl"), fileNames());
        assertEquals(3, Files.readAllLines(dir.resolve("audit-2026-10-000000001.jsonl")).size());
        ChainVerdict verdict = AuditLog.readFile(files.live()).verdict();
        assertEquals(ChainVerdict.Status.INTACT, verdict.status(), verdict.summary());
        assertEquals(3, verdict.chainedRecords());
        assertEquals(5L, verdict.headSeq().orElseThrow());
    }
}
