package dev.autouser.ui.users;

import dev.autouser.core.history.Activity;
import dev.autouser.core.history.ActivitySink;
import dev.autouser.core.history.EvidenceSource;
import dev.autouser.core.history.HistoryStore;
import dev.autouser.core.history.ObservedListing;
import dev.autouser.core.history.ObservedUser;
import dev.autouser.core.history.TeleportDeactivation;
import dev.autouser.core.history.TeleportIdentity;
import dev.autouser.core.history.UserKey;
import dev.autouser.core.provisioning.AutoUserListing;
import dev.autouser.ui.support.FxExecutors;
import dev.autouser.ui.support.RecordingDialogs;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static dev.autouser.ui.users.TestUsers.listing;
import static dev.autouser.ui.users.TestUsers.locked;
import static dev.autouser.ui.users.TestUsers.notCleanedUp;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Users page's history, in a window: the chart draws the counts a real history store holds for the
 * chosen span, and the detail pane gives each fact with its source, including Teleport's failed drop.
 */
@ExtendWith(ApplicationExtension.class)
class UsersEvidenceFxTest {
    private static final String SERVER = "db1:27017";
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    private HistoryStore store;
    private UsersView view;
    private ActivityChart chart;

    @Start
    void start(Stage stage) throws Exception {
        store = HistoryStore.open(Files.createTempDirectory("evidence-fx").resolve("history.db"));
        // 30 h ago: alice and bob active, carol locked; 20 h ago: alice not cleaned up, bob locked; 10 h ago: alice locked.
        record(now.minus(Duration.ofHours(30)), active("CN=alice"), active("CN=bob"), gone("CN=carol"));
        record(now.minus(Duration.ofHours(20)), idle("CN=alice"), gone("CN=bob"), gone("CN=carol"));
        record(now.minus(Duration.ofHours(10)), gone("CN=alice"), gone("CN=bob"), gone("CN=carol"), idle("CN=walter"));
        store.recordActivity(List.of(new ActivitySink.Sighting(new UserKey(SERVER, UserKey.MONGODB, "CN=bob"),
                new Activity(now.minus(Duration.ofHours(2)), EvidenceSource.TELEPORT_AUDIT, "bob", ""))));
        store.recordTeleportDeactivations(List.of(new ActivitySink.Deactivated(new UserKey(SERVER, UserKey.MONGODB,
                "CN=bob"), new TeleportDeactivation(now.minus(Duration.ofHours(1)), false, true, "(Unauthorized) not authorized"))));
        store.recordTeleportIdentities(List.of(new ActivitySink.Identified(new UserKey(SERVER, UserKey.MONGODB, "CN=bob"),
                new TeleportIdentity(now.minus(Duration.ofHours(2)), "bob", List.of("access", "mongo-dev"),
                        List.of("readWrite@app", "read@reporting")))));

        AutoUserListing shown = listing(locked("alice"), locked("bob"), locked("carol"), notCleanedUp("walter"));
        UsersViewModel model = new UsersViewModel(() -> shown.withEvidence(store.evidence(SERVER, UserKey.MONGODB)),
                new RecordingDialogs(), FxExecutors.direct(), at -> { });
        chart = new ActivityChart((from, to, points) -> store.timeline(SERVER, UserKey.MONGODB, from, to, points),
                FxExecutors.direct(), false);
        view = new UsersView(model, new UserActionsViewModel(null, new RecordingDialogs(), FxExecutors.direct(), () -> { }),
                () -> { }, chart);
        view.dispose();
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void record(Instant at, ObservedUser... users) {
        store.record(new ObservedListing(SERVER, UserKey.MONGODB, at, List.of(users)));
    }

    private static ObservedUser active(String name) {
        return new ObservedUser(name, false, List.of(new ObservedUser.Session("mongosh", "10.0.0.5:5100")));
    }

    private static ObservedUser idle(String name) {
        return new ObservedUser(name, false, List.of());
    }

    private static ObservedUser gone(String name) {
        return new ObservedUser(name, true, List.of()); // locked
    }

    /** active / not cleaned up / locked at {@code hoursBack} on the chart. */
    private List<Integer> countsAt(double hoursBack) {
        return chart.series().stream().map(series -> series.getData().stream()
                .filter(point -> Math.abs(point.getXValue().doubleValue() + hoursBack) < 1e-9)
                .map(XYChart.Data::getYValue).map(Number::intValue).findFirst().orElseThrow(
                        () -> new AssertionError("no point at -" + hoursBack + " h in " + series.getData()))).toList();
    }

    @Test
    void theChartDrawsTheHistorysCountsForTheChosenSpan(FxRobot robot) {
        ChoiceBox<Duration> span = robot.lookup("#activitySpan").queryAs(ChoiceBox.class);
        robot.interact(() -> span.setValue(Duration.ofDays(1)));

        assertThat(countsAt(24)).as("24 h ago").containsExactly(2, 0, 1);
        assertThat(countsAt(15)).as("15 h ago").containsExactly(0, 1, 2);
        assertThat(countsAt(0)).as("now").containsExactly(0, 1, 3);

        robot.interact(() -> span.setValue(Duration.ofDays(4)));
        assertThat(countsAt(96)).as("before the history began").containsExactly(0, 0, 0);
        assertThat(countsAt(0)).containsExactly(0, 1, 3);
    }

    @Test
    void theDetailPaneGivesEachFactWithItsSource(FxRobot robot) {
        assertThat(evidenceOf(robot, "bob")).contains(
                "Last active (Teleport audit): " + when(now.minus(Duration.ofHours(2))) + " (2 h ago) · bob",
                "Last active (observed): " + when(now.minus(Duration.ofHours(30))) + " (30 h ago) · mongosh · from 10.0.0.5:5100",
                "Teleport user (Teleport audit): bob · Teleport roles: access, mongo-dev"
                        + " · database roles: readWrite@app, read@reporting",
                "Seen locked since: " + when(now.minus(Duration.ofHours(20))) + " (20 h ago)",
                "First seen: " + when(now.minus(Duration.ofHours(30))) + " (30 h ago)",
                "Teleport failed to drop it: " + when(now.minus(Duration.ofHours(1)))
                        + " (1 h ago) · (Unauthorized) not authorized");
        assertThat(robot.lookup("#detailTeleportFailed").queryAs(Label.class).getStyleClass()).contains("warning");
        // The lock time is when a listing found it, not when it happened: the line and the column say so.
        assertThat(robot.lookup("#detailSeenLocked").queryAs(Label.class).getTooltip().getText())
                .startsWith("When this console first found it locked: the first listing after the lock.");
        javafx.scene.Node header = robot.lookup(".column-header").match(node -> node instanceof
                javafx.scene.control.skin.TableColumnHeader h && h.getTableColumn() != null
                && "lockedSinceColumn".equals(h.getTableColumn().getId())).query();
        assertThat(((Label) header.lookup(".label")).getText()).isEqualTo("Seen locked");
        assertThat(header.getProperties().values()).anyMatch(value -> value instanceof javafx.scene.control.Tooltip tip
                && tip.getText().startsWith("When this console first found it locked"));

        assertThat(evidenceOf(robot, "walter")).contains(
                "Last active: not seen by any source since the history began",
                "Not cleaned up since: " + when(now.minus(Duration.ofHours(10))) + " (10 h ago)");
        assertThat(evidenceOf(robot, "carol")).contains(
                "Seen locked since: " + when(now.minus(Duration.ofHours(30))) + " (30 h ago)")
                .as("no import told anything about carol").noneMatch(line -> line.startsWith("Teleport"));
    }

    /** The pane's date, as a person reads it in this time zone. */
    private static String when(Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(at.atZone(java.time.ZoneId.systemDefault()));
    }

    private List<String> evidenceOf(FxRobot robot, String teleportName) {
        TableView<UserRow> table = view.table();
        robot.interact(() -> {
            table.getSelectionModel().clearSelection();
            table.getItems().stream().filter(row -> row.mongoName().equals("CN=" + teleportName)).findFirst()
                    .ifPresent(row -> table.getSelectionModel().select(row));
        });
        VBox lines = robot.lookup("#detailEvidence").queryAs(VBox.class);
        return lines.getChildren().stream().map(node -> ((Label) node).getText()).toList();
    }
}
