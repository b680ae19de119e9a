package dev.autouser.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autouser.core.AppDirs;
import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.audit.AuditRecord;
import dev.autouser.core.audit.Channel;
import dev.autouser.core.audit.Mark;
import dev.autouser.core.audit.Origin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code autouser audit verify} and {@code audit list} on a log written by the core. */
class AuditCommandTest {
    @TempDir
    Path home;
    private AuditLog log;

    record Result(int code, String out, String err) {
    }

    private Result run(String... args) {
        CliContext context = new CliContext(new AppDirs(home.resolve("config"), home.resolve("data")), Map.of(), false,
                new BufferedReader(new StringReader("")));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AutoUserCommand.execute(context, new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    private static AuditRecord record(String time, String server, String user, String result) {
        return new AuditRecord(Instant.parse(time), "ann", server, "CN=dba@$external",
                "db.getSiblingDB(\"$external\").runCommand({\"dropUser\": \"" + user + "\"})", user, result);
    }

    @BeforeEach
    void writeTwoRuns() {
        log = new AuditLog(home.resolve("data/audit.jsonl"), Origin.current(Channel.CLI));
        AuditLog cleanup = log.inRun("cleanup");
        cleanup.append(record("2026-11-05T10:00:00Z", "db1:27017", "CN=alice", "ok"));
        cleanup.append(record("2026-11-05T10:00:01Z", "db1:27017", "CN=bob", "failed: lost"));
        log.inRun("lock").marked(Mark.DRY_RUN).append(record("2026-11-06T09:00:00Z", "db2:27017", "CN=carol", "dry run: not run"));
    }

    @Test
    void verifyOfAnIntactLogPrintsTheHeadAndExitsZero() {
        Result verify = run("audit", "verify");
        assertEquals(0, verify.code(), verify.toString());
        assertTrue(verify.out().startsWith("Chain intact: 3 records up to #4."), verify.out());
        assertTrue(verify.out().matches("(?s).*Head: #4 sha256:[0-9a-f]{64}\n"), verify.out());
    }

    @Test
    void verifyOfAnEditedLogNamesTheRecordAndExitsOne() throws Exception {
        Path file = log.file();
        Files.writeString(file, Files.readString(file).replace("failed: lost", "ok"));
        Result verify = run("audit", "verify");
        assertEquals(1, verify.code(), verify.toString());
        assertTrue(verify.out().startsWith("Chain BROKEN at record #3 (2026-11-05 10:00:01 UTC), audit.jsonl line 3: "
                + "altered: its content no longer matches its hash."), verify.out());
        assertFalse(verify.out().contains("Head:"), "a broken chain has no head to quote: " + verify.out());
    }

    @Test
    void anAnchorFromATicketProvesTheRecordsUpToIt() throws Exception {
        String head = run("audit", "verify").out().replaceAll("(?s).*sha256:([0-9a-f]{64}).*", "$1");
        log.append(record("2026-11-07T09:00:00Z", "db1:27017", "CN=dave", "ok"));
        Result anchored = run("audit", "verify", "--anchor", "sha256:" + head);
        assertEquals(0, anchored.code(), anchored.toString());
        assertTrue(anchored.out().contains("Anchor found: record #4; nothing up to it has changed"), anchored.out());
        Result unknown = run("audit", "verify", "--anchor", "ab".repeat(32));
        assertEquals(1, unknown.code());
        assertTrue(unknown.out().contains("is NOT in the chain"), unknown.out());
    }

    @Test
    void verifyReadsACopyGivenWithFile() throws Exception {
        Path copy = Files.createDirectories(home.resolve("copy")).resolve("audit.jsonl");
        Files.copy(log.file(), copy);
        Result verify = run("audit", "verify", "--file", copy.toString());
        assertEquals(0, verify.code(), verify.toString());
        assertTrue(verify.out().contains("note: the head file audit.jsonl.head is missing"), verify.out());
        Result missing = run("audit", "verify", "--file", home.resolve("nope.jsonl").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().startsWith("error: --file "), missing.err());
    }

    @Test
    void anOldUnchainedLogIsListedAndReportedNotChained() throws Exception {
        Path old = Files.createDirectories(home.resolve("old")).resolve("audit.jsonl");
        Files.writeString(old, "{\"time\":\"2026-01-01T10:00:00Z\",\"osUser\":\"ann\",\"server\":\"db1\",\"identity\":\"CN=dba\","
                + "\"command\":\"dropUser CN=a\",\"targetUser\":\"CN=a\",\"result\":\"ok\"}\n");
        Result list = run("audit", "list", "--file", old.toString());
        assertEquals(1, list.code(), list.toString());
        assertTrue(list.out().contains("CN=a"), list.out());
        assertTrue(list.out().contains("Not chained: 1 record"), list.out());
        assertEquals(1, run("audit", "verify", "--file", old.toString()).code());
    }

    @Test
    void listFiltersByServerUserOutcomeRunAndTime() {
        assertEquals(List.of("CN=bob", "CN=alice"), targets(run("audit", "list", "--server", "db1")));
        assertEquals(List.of("CN=bob"), targets(run("audit", "list", "--outcome", "failed")));
        assertEquals(List.of("CN=carol"), targets(run("audit", "list", "--user", "car")));
        assertEquals(List.of("CN=carol"), targets(run("audit", "list", "--since", "2026-11-06")));
        assertEquals(List.of("CN=bob", "CN=alice"), targets(run("audit", "list", "--until", "2026-11-05")));
        assertEquals(List.of("CN=bob", "CN=alice"), targets(run("audit", "list", "--until", "2026-11-05T10:00:02Z")));
        String runId = log.read().entries().get(0).record().run().id();
        assertEquals(List.of("CN=bob", "CN=alice"), targets(run("audit", "list", "--run", runId)));
        Result bad = run("audit", "list", "--outcome", "great");
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("error: --outcome: unknown outcome 'great'"), bad.err());
        assertEquals(2, run("audit", "list", "--since", "yesterday").code());
    }

    @Test
    void listJsonStartsWithTheVerdictAndCarriesEveryField() throws Exception {
        Result json = run("audit", "list", "--json", "--outcome", "not_run");
        assertEquals(0, json.code(), json.toString());
        String[] lines = json.out().split("\n");
        assertEquals(2, lines.length, json.out());
        JsonNode header = new ObjectMapper().readTree(lines[0]).path("export");
        assertEquals("intact", header.path("chain").asText());
        assertEquals(4, header.path("headSeq").asInt());
        assertEquals("outcome not_run", header.path("filter").asText());
        JsonNode carol = new ObjectMapper().readTree(lines[1]);
        assertEquals(4, carol.path("seq").asInt());
        assertEquals("dry-run", carol.path("marks").get(0).asText());
        assertEquals("cli", carol.path("via").asText());
        assertEquals("autouser", carol.path("tool").asText());
        assertEquals("lock", carol.path("action").asText());
        assertEquals(64, carol.path("hash").asText().length());
    }

    @Test
    void listRunsGroupsTheRecordsOfOneAction() {
        Result runs = run("audit", "list", "--runs");
        assertEquals(0, runs.code(), runs.toString());
        String[] lines = runs.out().split("\n");
        assertTrue(lines[0].startsWith("STARTED (UTC)"), runs.out());
        assertTrue(lines[1].contains("[DRY-RUN] lock") && lines[1].contains("1 not run"), runs.out());
        assertTrue(lines[2].contains("cleanup") && lines[2].contains("1 ok, 1 failed") && lines[2].contains("    2  "), runs.out());
        assertEquals(4, lines.length, runs.out());
    }

    @Test
    void csvNeutralisesFormulasAndCarriesTheVerdict() {
        log.append(record("2026-11-07T09:00:00Z", "db1:27017", "=HYPERLINK(\"x\")", "ok"));
        Result csv = run("audit", "list", "--csv", "--user", "HYPER");
        assertEquals(0, csv.code(), csv.toString());
        String row = csv.out().split("\r\n")[1];
        assertTrue(row.contains(",\"'=HYPERLINK(\"\"x\"\")\","), row);
        assertTrue(row.endsWith(",Chain intact: 4 records up to #5."), row);
        assertFalse(row.contains(",=HYPERLINK"), row);
    }

    private static List<String> targets(Result list) {
        assertTrue(list.code() == 0, list.toString());
        List<String> users = new ArrayList<>();
        String[] lines = list.out().split("\n");
        for (int i = 1; i < lines.length - 1; i++) {
            users.add(lines[i].split("\\s{2,}")[5]);
        }
        return users;
    }
}
