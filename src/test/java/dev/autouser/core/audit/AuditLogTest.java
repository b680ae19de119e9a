package dev.autouser.core.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditLogTest {
    @TempDir
    Path dir;

    @Test
    void appendsJsonLinesAndReadsNewestFirst() throws Exception {
        AuditLog log = new AuditLog(dir.resolve("data/audit.jsonl"));
        log.append(new AuditRecord(Instant.parse("2026-01-01T00:00:00Z"), "ann", "db:27017", "CN=dba@$external",
                "dropUser CN=a", "CN=a", "ok"));
        log.append(new AuditRecord(Instant.parse("2026-01-02T00:00:00Z"), "ann", "db:27017", "CN=dba@$external",
                "dropUser CN=b", "CN=b", "failed: x"));
        List<String> lines = Files.readAllLines(log.file());
        assertEquals(3, lines.size(), "a genesis record, then one line per record");
        assertTrue(lines.get(0).startsWith("{\"seq\":1,\"type\":\"genesis\""), lines.get(0));
        assertTrue(lines.get(1).startsWith("{\"seq\":2,\"time\":\"2026-01-01T00:00:00Z\""), lines.get(1));
        assertTrue(lines.get(1).contains("\"osUser\":\"ann\""), lines.get(1));
        List<AuditRecord> records = log.readNewestFirst(10);
        assertEquals(List.of("CN=b", "CN=a"), records.stream().map(AuditRecord::targetUser).toList());
        assertEquals(1, log.readNewestFirst(1).size());
    }

    @Test
    void missingLogReadsAsEmpty() {
        assertTrue(new AuditLog(dir.resolve("none.jsonl")).readNewestFirst(5).isEmpty());
    }

    @Test
    void damagedLineIsSkippedNotFatal() throws Exception {
        AuditLog log = new AuditLog(dir.resolve("audit.jsonl"));
        Files.writeString(log.file(), "not json\n");
        log.append(AuditRecord.now("s", "i", "c", "t", "ok"));
        assertEquals(1, log.readNewestFirst(10).size());
    }

    @Test
    void passwordsNeverReachTheFile() throws Exception {
        AuditLog log = new AuditLog(dir.resolve("audit.jsonl"));
        log.append(AuditRecord.now("s", "i", "{\"createUser\": \"u\", \"pwd\": \"hunter2\"}", "u", "password=hunter2"));
        String text = Files.readString(log.file());
        assertFalse(text.contains("hunter2"), text);
    }
}
