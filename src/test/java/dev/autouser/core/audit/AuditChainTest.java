package dev.autouser.core.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of tampering the chain must reveal, each reported at the first broken record by number and time. */
class AuditChainTest {
    @TempDir
    Path dir;

    private AuditLog log() {
        return new AuditLog(dir.resolve("audit.jsonl"));
    }

    private AuditLog logWithFive() {
        AuditLog log = log();
        for (int i = 1; i <= 5; i++) {
            log.append(new AuditRecord(Instant.parse("2026-01-01T10:00:0" + i + "Z"), "ann", "db1:27017",
                    "CN=dba@$external", "dropUser CN=u" + i, "CN=u" + i, "ok"));
        }
        return log;
    }

    private List<String> lines() throws Exception {
        return new ArrayList<>(Files.readAllLines(dir.resolve("audit.jsonl")));
    }

    private void write(List<String> lines) throws Exception {
        Files.write(dir.resolve("audit.jsonl"), lines);
    }

    @Test
    void untouchedChainIsIntactAndNamesItsHead() throws Exception {
        AuditLog log = logWithFive();
        ChainVerdict verdict = log.verify();
        assertEquals(ChainVerdict.Status.INTACT, verdict.status(), verdict.summary());
        assertEquals(5, verdict.chainedRecords());
        // The genesis is record #1, the five changes #2..#6; the head file names the last.
        assertEquals(6L, verdict.headSeq().orElseThrow());
        assertTrue(Files.readString(log.headFile()).contains(verdict.headHash().orElseThrow()));
        List<String> lines = lines();
        assertTrue(lines.get(0).contains("\"type\":\"genesis\""), lines.get(0));
        assertTrue(lines.get(1).contains("\"prev\":\"" + hashOf(lines.get(0)) + "\""), lines.get(1));
    }

    @Test
    void anEditedFieldIsReportedAtThatRecord() throws Exception {
        logWithFive();
        List<String> lines = lines();
        lines.set(3, lines.get(3).replace("\"result\":\"ok\"", "\"result\":\"failed: nothing\""));
        write(lines);
        ChainVerdict verdict = log().verify();
        assertBrokenAt(verdict, 4, "altered");
        assertEquals(Instant.parse("2026-01-01T10:00:03Z"), verdict.problem().orElseThrow().time().orElseThrow());
    }

    @Test
    void anEditWithItsHashRecomputedBreaksTheLinkToTheNextRecord() throws Exception {
        logWithFive();
        List<String> lines = lines();
        ObjectNode edited = (ObjectNode) CanonicalJson.JSON.readTree(lines.get(2));
        edited.put("targetUser", "CN=someone-else");
        edited.put("hash", CanonicalJson.hashOf(edited));
        lines.set(2, CanonicalJson.JSON.writeValueAsString(edited));
        write(lines);
        assertBrokenAt(log().verify(), 4, "previous hash is not the hash of record #3");
    }

    @Test
    void aDeletedRecordIsReportedAsMissing() throws Exception {
        logWithFive();
        List<String> lines = lines();
        lines.remove(2);
        write(lines);
        ChainVerdict verdict = log().verify();
        assertBrokenAt(verdict, 4, "record #3 is missing");
    }

    @Test
    void twoSwappedRecordsAreReportedAsOutOfOrder() throws Exception {
        logWithFive();
        List<String> lines = lines();
        String third = lines.get(2);
        lines.set(2, lines.get(3));
        lines.set(3, third);
        write(lines);
        assertBrokenAt(log().verify(), 4, "out of order");
    }

    @Test
    void recordsCutOffTheEndAreCaughtByTheHeadFile() throws Exception {
        logWithFive();
        List<String> lines = lines();
        write(lines.subList(0, 4));
        ChainVerdict verdict = log().verify();
        assertBrokenAt(verdict, 6, "the log ends at #4 but the head file names #6");
    }

    @Test
    void aLineCutInTheMiddleIsNotAReadableRecord() throws Exception {
        logWithFive();
        String text = Files.readString(dir.resolve("audit.jsonl"));
        Files.writeString(dir.resolve("audit.jsonl"), text.substring(0, text.length() - 40));
        ChainVerdict verdict = log().verify();
        assertEquals(ChainVerdict.Status.BROKEN, verdict.status());
        assertTrue(verdict.problem().orElseThrow().what().contains("not a readable record"), verdict.summary());
    }

    @Test
    void aForgedRecordWithoutTheRightPreviousHashIsCaught() throws Exception {
        logWithFive();
        List<String> lines = lines();
        // The forger renumbers and hashes his record correctly but cannot know the real previous hash.
        ObjectNode forged = (ObjectNode) CanonicalJson.JSON.readTree(lines.get(5));
        forged.put("seq", 7).put("targetUser", "CN=forged").put("prev", "ab".repeat(32));
        forged.put("hash", CanonicalJson.hashOf(forged));
        lines.add(CanonicalJson.JSON.writeValueAsString(forged));
        write(lines);
        assertBrokenAt(log().verify(), 7, "previous hash is not the hash of record #6");
    }

    @Test
    void aRemovedHeadFileIsReportedBecauseTruncationCouldHide() throws Exception {
        AuditLog log = logWithFive();
        Files.delete(log.headFile());
        assertBrokenAt(log.verify(), 6, "head file audit.jsonl.head is missing");
        // A copy given by path need not have one: it is noted, not fatal.
        ChainVerdict copy = AuditLog.readFile(log.file()).verdict();
        assertEquals(ChainVerdict.Status.INTACT, copy.status(), copy.summary());
        assertTrue(copy.notes().stream().anyMatch(n -> n.contains("cut off")), copy.notes().toString());
    }

    @Test
    void theWriterContinuesTheChainAfterADamagedLastLine() throws Exception {
        AuditLog log = logWithFive();
        Files.writeString(log.file(), "{\"half a rec", java.nio.file.StandardOpenOption.APPEND);
        log.append(AuditRecord.now("s", "i", "c", "CN=after", "ok"));
        List<String> lines = lines();
        assertEquals("{\"half a rec", lines.get(6));
        assertTrue(lines.get(7).contains("CN=after"));
        assertTrue(lines.get(7).contains("\"seq\":7"), lines.get(7));
        // The damage itself stays visible.
        assertEquals(ChainVerdict.Status.BROKEN, log.verify().status());
    }

    private static String hashOf(String line) throws Exception {
        return CanonicalJson.hashOf((ObjectNode) CanonicalJson.JSON.readTree(line));
    }

    static void assertBrokenAt(ChainVerdict verdict, long seq, String what) {
        assertEquals(ChainVerdict.Status.BROKEN, verdict.status(), verdict.summary());
        ChainVerdict.Problem problem = verdict.problem().orElseThrow();
        assertEquals(seq, problem.seq(), verdict.summary());
        assertTrue(problem.what().contains(what), verdict.summary());
        assertFalse(verdict.intact());
        assertTrue(verdict.summary().contains("#" + seq), verdict.summary());
    }
}
