package dev.autouser.ui.audit;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.audit.AuditRecord;
import dev.autouser.core.audit.Channel;
import dev.autouser.core.audit.Mark;
import dev.autouser.core.audit.Origin;
import dev.autouser.ui.support.FxExecutors;
import dev.autouser.ui.support.RecordingDialogs;
import dev.autouser.ui.support.Theme;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the Audit page like a person: the verdict, a run expanded to its records, a record's every field. */
@ExtendWith(ApplicationExtension.class)
class AuditViewTest {
    private static final String LONG_RESULT = "failed: not authorized on $external to execute command { dropUser: \"CN=bob\" }"
            + " — the admin role lacks dropUser on $external; grant it with admin-setup --apply";

    @Start
    void start(Stage stage) {
        Path dir;
        try {
            dir = Files.createTempDirectory("autouser-audit-view");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AuditLog log = new AuditLog(dir.resolve("audit.jsonl"), Origin.current(Channel.GUI));
        AuditLog cleanup = log.inRun("drop 2 users");
        cleanup.append(new AuditRecord(Instant.parse("2026-11-05T10:00:00Z"), "ops", "db1:27017", "CN=dba@$external",
                "db.getSiblingDB(\"$external\").runCommand({\"dropUser\": \"CN=alice\"})", "CN=alice", "ok"));
        cleanup.append(new AuditRecord(Instant.parse("2026-11-05T10:00:01Z"), "ops", "db1:27017", "CN=dba@$external",
                "db.getSiblingDB(\"$external\").runCommand({\"dropUser\": \"CN=bob\"})", "CN=bob", LONG_RESULT));
        log.inRun("simulate a Teleport session").marked(Mark.SIMULATION).append(new AuditRecord(
                Instant.parse("2026-11-06T10:00:00Z"), "ops", "db2:27017", "CN=teleport-admin@$external", "createUser", "CN=sim", "ok: created"));
        new Theme(false);
        Scene scene = new Scene(new AuditView(new AuditViewModel(log, new RecordingDialogs(), FxExecutors.direct())), 1024, 700);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theVerdictRunsAndAFailedRecordInFull(FxRobot robot) {
        assertTrue(robot.lookup("#auditVerdict").queryAs(Label.class).getText().startsWith("Chain intact: 3 records up to #4."));
        TreeTableView<AuditRow> tree = robot.lookup("#auditTree").queryAs(TreeTableView.class);
        assertEquals(2, tree.getRoot().getChildren().size());
        TreeItem<AuditRow> simulation = tree.getRoot().getChildren().get(0);
        assertEquals("SIMULATION", simulation.getValue().marks());
        robot.clickOn("simulate a Teleport session");
        assertTrue(robot.lookup("#auditDetailMarked").queryAs(Label.class).getText().startsWith("simulation"));

        TreeItem<AuditRow> cleanup = tree.getRoot().getChildren().get(1);
        robot.interact(() -> cleanup.setExpanded(true));
        robot.clickOn("{\"dropUser\": \"CN=bob\"}");
        assertEquals(LONG_RESULT, robot.lookup("#auditDetailResult").queryAs(Label.class).getText());
        assertEquals("db.getSiblingDB(\"$external\").runCommand({\"dropUser\": \"CN=bob\"})",
                robot.lookup("#auditDetailCommand").queryAs(TextArea.class).getText());
        assertEquals("#3", robot.lookup("#auditDetailRecord").queryAs(Label.class).getText());

        robot.clickOn("#auditUserFilter").write("alice");
        assertEquals(1, tree.getRoot().getChildren().size());
        assertEquals("CN=alice", tree.getRoot().getChildren().get(0).getValue().target());
    }
}
