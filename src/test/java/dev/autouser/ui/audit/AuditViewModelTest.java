package dev.autouser.ui.audit;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.audit.AuditRecord;
import dev.autouser.core.audit.AuditTrail;
import dev.autouser.core.audit.Channel;
import dev.autouser.core.audit.ChainVerdict;
import dev.autouser.core.audit.Mark;
import dev.autouser.core.audit.Origin;
import dev.autouser.core.audit.Outcome;
import dev.autouser.core.audit.RunSummary;
import dev.autouser.ui.support.FxExecutors;
import dev.autouser.ui.support.RecordingDialogs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditViewModelTest {
    @TempDir
    Path dir;
    private AuditLog log;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private AuditViewModel model;

    private static AuditRecord record(Instant time, String server, String user, String result) {
        return new AuditRecord(time, "ops", server, "CN=dba@$external",
                "db.getSiblingDB(\"$external\").runCommand({\"dropUser\": \"" + user + "\"})", user, result);
    }

    @BeforeEach
    void threeRuns() {
        log = new AuditLog(dir.resolve("audit.jsonl"), Origin.current(Channel.GUI));
        Instant day1 = LocalDate.of(2026, 11, 5).atTime(10, 0).atZone(ZoneId.systemDefault()).toInstant();
        Instant day2 = day1.plusSeconds(86_400);
        AuditLog cleanup = log.inRun("drop 3 users");
        cleanup.append(record(day1, "db1:27017", "CN=alice", "ok"));
        cleanup.append(record(day1.plusSeconds(1), "db1:27017", "CN=bob", "failed: not authorized"));
        cleanup.append(record(day1.plusSeconds(2), "db1:27017", "CN=carol", "skipped: has 1 live connection"));
        log.inRun("simulate a Teleport session").marked(Mark.SIMULATION)
                .append(record(day2, "db2:27017", "CN=sim", "ok: created"));
        log.append(record(day2.plusSeconds(60), "db2:27017", "CN=dave", "ok"));
        model = new AuditViewModel(log, dialogs, FxExecutors.direct());
        model.refresh();
    }

    @Test
    void runsAreNewestFirstEachWithItsRecords() {
        assertEquals(List.of("dropUser CN=dave", "simulate a Teleport session", "drop 3 users"),
                model.runs().stream().map(r -> r.action().isEmpty() ? "dropUser " + r.first().targetUser() : r.action()).toList());
        RunSummary cleanup = model.runs().get(2);
        assertEquals(List.of("CN=alice", "CN=bob", "CN=carol"), cleanup.entries().stream().map(e -> e.record().targetUser()).toList());
        assertEquals("1 ok, 1 failed, 1 skipped", cleanup.outcomeText());
        assertEquals("5 records in 3 runs · " + log.file(), model.summaryProperty().get());
        assertEquals(List.of("db1:27017", "db2:27017"), model.servers());
    }

    @Test
    void theVerdictIsShownAndABrokenChainSaysWhere() throws Exception {
        assertEquals(ChainVerdict.Status.INTACT, model.verdictStatusProperty().get());
        assertTrue(model.verdictTextProperty().get().startsWith("Chain intact: 5 records up to #6."), model.verdictTextProperty().get());
        Files.writeString(log.file(), Files.readString(log.file()).replace("failed: not authorized", "ok"));
        model.refresh();
        assertEquals(ChainVerdict.Status.BROKEN, model.verdictStatusProperty().get());
        assertTrue(model.verdictTextProperty().get().startsWith("Chain BROKEN at record #3"), model.verdictTextProperty().get());
        assertTrue(!model.verdictTextProperty().get().contains("Head"), "a broken chain has no head to vouch for");
        assertEquals(3L, model.brokenSeqProperty().get());
        assertTrue(new AuditRow.Run(model.runs().get(2)).holds(3), "the cleanup run holds the broken record");
    }

    @Test
    void filtersByServerUserOutcomeRunAndDay() {
        model.serverProperty().set("db2");
        assertEquals(2, model.runs().size());
        model.clearFilters();
        model.userProperty().set("bob");
        assertEquals(List.of("CN=bob"), model.runs().get(0).entries().stream().map(e -> e.record().targetUser()).toList());
        model.clearFilters();
        model.outcomeProperty().set(Outcome.SKIPPED);
        assertEquals("1 of 5 records match (1 runs)", model.summaryProperty().get());
        model.clearFilters();
        model.fromProperty().set(LocalDate.of(2026, 11, 6));
        assertEquals(2, model.runs().size());
        model.toProperty().set(LocalDate.of(2026, 11, 5));
        assertEquals(0, model.runs().size());
        model.clearFilters();
        model.toProperty().set(LocalDate.of(2026, 11, 5));
        assertEquals(List.of("drop 3 users"), model.runs().stream().map(RunSummary::action).toList());
        model.clearFilters();
        model.selectedProperty().set(new AuditRow.Record(model.runs().get(1).entries().get(0)));
        model.showOnlySelectedRun();
        assertEquals(List.of("simulate a Teleport session"), model.runs().stream().map(RunSummary::action).toList());
    }

    @Test
    void theDetailPaneHoldsEveryFieldInFull() {
        RunSummary cleanup = model.runs().get(2);
        model.selectedProperty().set(new AuditRow.Record(cleanup.entries().get(1)));
        List<String> labels = model.details().stream().map(AuditText.Field::label).toList();
        assertEquals(List.of("Record", "Time", "Target user", "Outcome", "Result", "Command", "Server", "Identity", "Run",
                "OS user", "Tool", "Stored in", "SHA-256"), labels);
        assertEquals("db.getSiblingDB(\"$external\").runCommand({\"dropUser\": \"CN=bob\"})", value("Command"));
        assertEquals("failed: not authorized", value("Result"));
        assertEquals("#3", value("Record"));
        assertTrue(value("Tool").matches("autouser \\S+ \\(gui\\)"), value("Tool"));
        model.selectedProperty().set(new AuditRow.Run(model.runs().get(1)));
        assertEquals("simulation (a simulated Teleport session, not a real one)", value("Marked"));
    }

    @Test
    void exportWritesTheFilteredRecordsWithTheVerdict() throws Exception {
        model.serverProperty().set("db1");
        dialogs.saveFile = dir.resolve("out.jsonl");
        model.export(AuditViewModel.ExportFormat.JSON_LINES);
        List<String> lines = Files.readAllLines(dialogs.saveFile);
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("\"chain\":\"intact\"") && lines.get(0).contains("\"filter\":\"server db1\""), lines.get(0));
        assertEquals(List.of("Exported 3 records to " + dialogs.saveFile), dialogs.notices);
        dialogs.saveFile = dir.resolve("out.csv");
        model.export(AuditViewModel.ExportFormat.CSV);
        String csv = Files.readString(dialogs.saveFile);
        assertEquals(4, csv.split("\r\n").length, csv);
        assertTrue(csv.contains(",Chain intact: 5 records up to #6.\r\n"), csv);
    }

    @Test
    void theIntentAndOutcomeOfOneChangeShowTheirPhaseAndAction() {
        new AuditTrail(log.inRun("lock 1 user"), "db1:27017", "CN=dba@$external")
                .change("lock CN=erin", "CN=erin", () -> "sent", reply -> "ok: locked");
        model.refresh();
        RunSummary lock = model.runs().get(0);
        assertEquals("1 ok, 1 intent", lock.outcomeText());
        model.selectedProperty().set(new AuditRow.Record(lock.entries().get(0)));
        assertTrue(value("Phase").startsWith("intent (written before the command was sent)  action "), value("Phase"));
        model.selectedProperty().set(new AuditRow.Record(lock.entries().get(1)));
        assertTrue(value("Phase").startsWith("outcome  action "), value("Phase"));
    }

    private String value(String label) {
        return model.details().stream().filter(f -> f.label().equals(label)).findFirst().orElseThrow().value();
    }
}
