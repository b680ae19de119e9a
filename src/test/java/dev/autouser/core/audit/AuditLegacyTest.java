package dev.autouser.core.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Logs written before the chain are read and reported as "not chained", never rejected. */
class AuditLegacyTest {
    private static final String OLD_LINES = """
            {"time":"2026-01-01T10:00:00Z","osUser":"ann","server":"db1:27017","identity":"CN=dba@$external","command":"dropUser CN=a","targetUser":"CN=a","result":"ok"}
            {"time":"2026-01-01T11:00:00Z","osUser":"ann","server":"db1:27017","identity":"CN=dba@$external","command":"dropUser CN=b","targetUser":"CN=b","result":"failed: x"}
            """;

    @TempDir
    Path dir;

    @Test
    void anOldLogReadsAsNotChained() throws Exception {
        Files.writeString(dir.resolve("audit.jsonl"), OLD_LINES);
        AuditReading reading = new AuditLog(dir.resolve("audit.jsonl")).read();
        assertEquals(ChainVerdict.Status.NOT_CHAINED, reading.verdict().status());
        assertTrue(reading.verdict().summary().startsWith("Not chained: 2 records"), reading.verdict().summary());
        assertEquals(List.of("CN=a", "CN=b"), reading.entries().stream().map(e -> e.record().targetUser()).toList());
        assertEquals("ann", reading.entries().get(0).record().osUser());
        assertTrue(reading.entries().stream().noneMatch(AuditEntry::chained));
    }

    @Test
    void theFirstChainedWriteSealsTheOldLogAndKeepsItReadable() throws Exception {
        Files.writeString(dir.resolve("audit.jsonl"), OLD_LINES);
        AuditLog log = new AuditLog(dir.resolve("audit.jsonl"));
        log.append(AuditRecord.now("db1:27017", "CN=dba@$external", "dropUser CN=c", "CN=c", "ok"));
        AuditReading reading = log.read();
        assertEquals(ChainVerdict.Status.INTACT, reading.verdict().status(), reading.verdict().summary());
        assertEquals(1, reading.verdict().chainedRecords());
        assertEquals(2, reading.verdict().unchainedRecords());
        assertTrue(reading.verdict().notes().get(0).contains("predate the chain"), reading.verdict().notes().toString());
        assertEquals(List.of("CN=a", "CN=b", "CN=c"), reading.entries().stream().map(e -> e.record().targetUser()).toList());
        Path sealed;
        try (var files = Files.list(dir)) {
            sealed = files.filter(p -> p.getFileName().toString().startsWith("audit-unchained-")).findFirst().orElseThrow();
        }
        assertEquals(OLD_LINES, Files.readString(sealed), "the old log is kept byte for byte");
        // Once sealed, changing the old records is caught too.
        Files.writeString(sealed, OLD_LINES.replace("failed: x", "ok"));
        ChainVerdict verdict = log.verify();
        assertEquals(ChainVerdict.Status.BROKEN, verdict.status(), verdict.summary());
        assertTrue(verdict.problem().orElseThrow().what().contains("was changed since"), verdict.summary());
    }
}
