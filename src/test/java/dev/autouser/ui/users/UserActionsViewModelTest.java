package dev.autouser.ui.users;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.audit.AuditRecord;
import dev.autouser.core.export.UserExport;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.provisioning.AutoUserLister;
import dev.autouser.core.provisioning.UserCleanup;
import dev.autouser.core.provisioning.UserState;
import dev.autouser.ui.support.FxExecutors;
import dev.autouser.ui.support.RecordingDialogs;
import dev.autouser.ui.SandboxUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lock, drop, copy and export through the real core against the TLS sandbox; executors run inline. */
class UserActionsViewModelTest {
    @TempDir
    Path dir;
    private SandboxUsers users;
    private MongoGateway gateway;
    private AuditLog audit;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private UsersViewModel list;
    private UserActionsViewModel actions;

    @BeforeEach
    void connect() {
        users = new SandboxUsers(dir.resolve("setup-audit.jsonl"));
        gateway = MongoGateway.connect(users.dbaProfile(), null);
        audit = new AuditLog(dir.resolve("audit.jsonl"));
        list = new UsersViewModel(new AutoUserLister(gateway)::list, dialogs, FxExecutors.direct(), at -> { });
        actions = new UserActionsViewModel(new UserCleanup(gateway, audit), dialogs, FxExecutors.direct(), list::refresh);
    }

    @AfterEach
    void close() {
        gateway.close();
        users.close();
    }

    @Test
    void lockAsksWithTheUserNamesCountAndCommandsThenLocksAndAudits() {
        String bob = users.notCleanedUp("bob", "read@db1");
        list.refresh();
        UserRow row = list.row("CN=" + bob).orElseThrow();

        actions.lock(List.of(row));

        var asked = dialogs.confirmations.get(0);
        assertEquals("Lock 1 user", asked.actionLabel());
        assertEquals(List.of("CN=" + bob), asked.subjects());
        assertTrue(asked.commands().contains("\"updateUser\": \"CN=" + bob + "\""), asked.commands());
        assertTrue(asked.commands().contains("0.0.0.0"));
        assertEquals(UserState.LOCKED, list.row("CN=" + bob).orElseThrow().state(), "the list refreshed after the change");
        List<AuditRecord> records = audit.readNewestFirst(10);
        assertTrue(records.stream().anyMatch(r -> r.targetUser().equals("CN=" + bob)), records.toString());
        assertEquals(List.of("Lock finished: 1 done, 0 skipped, 0 failed."), dialogs.finished,
                "a notification with the counts, whichever page the person is on by then");
    }

    @Test
    void dropOfAnActiveUserIsRefusedWithTheReasonAndChangesNothing() {
        String alice = users.active("alice", "read@db1");
        list.refresh();
        UserRow row = list.row("CN=" + alice).orElseThrow();

        actions.drop(List.of(row));

        assertTrue(dialogs.confirmations.isEmpty(), "no confirmation is offered");
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).startsWith("Cannot drop CN=" + alice), dialogs.errors.get(0));
        assertTrue(dialogs.errors.get(0).contains("1 live connection"), dialogs.errors.get(0));
        list.refresh();
        assertEquals(UserState.ACTIVE, list.row("CN=" + alice).orElseThrow().state());
    }

    @Test
    void dropOfAMixedSelectionNamesTheSkippedActiveUserAndDropsTheRest() {
        String alice = users.active("alice", "read@db1");
        String carol = users.locked("carol", "read@db1");
        list.refresh();

        actions.drop(List.of(list.row("CN=" + alice).orElseThrow(), list.row("CN=" + carol).orElseThrow()));

        var asked = dialogs.confirmations.get(0);
        assertEquals("Drop 1 user", asked.actionLabel());
        assertEquals(List.of("CN=" + carol), asked.subjects());
        assertTrue(asked.message().contains("Skipped: CN=" + alice + " has 1 live connection"), asked.message());
        assertTrue(asked.commands().contains("\"dropUser\": \"CN=" + carol + "\""), asked.commands());
        assertTrue(list.row("CN=" + carol).isEmpty(), "carol is gone");
        assertTrue(list.row("CN=" + alice).isPresent(), "alice is still there");
    }

    @Test
    void declinedConfirmationChangesNothing() {
        String bob = users.notCleanedUp("bob", "read@db1");
        list.refresh();
        dialogs.answerConfirm = false;

        actions.drop(List.of(list.row("CN=" + bob).orElseThrow()));

        list.refresh();
        assertEquals(UserState.NOT_CLEANED_UP, list.row("CN=" + bob).orElseThrow().state());
        assertTrue(audit.readNewestFirst(10).isEmpty());
    }

    @Test
    void copyPutsMongoshCommandsOnTheClipboard() {
        String bob = users.notCleanedUp("bob", "read@db1");
        list.refresh();

        actions.copy(UserActionsViewModel.CopyKind.DROP, List.of(list.row("CN=" + bob).orElseThrow()));

        assertEquals("db.getSiblingDB(\"$external\").runCommand({\"dropUser\": \"CN=" + bob + "\"})", dialogs.clipboard.get(0));
    }

    @Test
    void exportWritesTheRowsInViewAsCsv() throws Exception {
        String bob = users.notCleanedUp("bob", "read@db1");
        list.refresh();
        list.searchProperty().set(bob);
        dialogs.saveFile = dir.resolve("users.csv");

        actions.export(UserExport.Format.CSV, List.copyOf(list.visibleRows()));

        List<String> lines = Files.readAllLines(dialogs.saveFile);
        assertEquals(2, lines.size(), lines.toString());
        assertEquals(UserExport.CSV_HEADER, lines.get(0), "the CLI's list --csv format");
        assertTrue(lines.get(1).startsWith("CN=" + bob + "," + bob + ",,not-cleaned-up,read@db1,0"), lines.get(1));
        assertEquals(12, lines.get(1).split(",", -1).length, "the evidence columns, empty when not known: " + lines.get(1));
    }
}
