package dev.autouser.ui.users;

import dev.autouser.core.provisioning.AutoUser;
import dev.autouser.core.provisioning.AutoUserListing;
import dev.autouser.core.provisioning.UserState;
import dev.autouser.ui.support.FxExecutors;
import dev.autouser.ui.support.RecordingDialogs;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static dev.autouser.testsupport.FxSteps.onFx;
import static dev.autouser.ui.users.TestUsers.listing;
import static dev.autouser.ui.users.TestUsers.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The selection is held by identity while auto-refreshes move, insert, delete and re-sort rows
 * under an active filter (issue 9: peggy became alice, victor became sybil). A seeded random world
 * churns for hundreds of refreshes; after each one the table's selection, the focused row and the
 * detail pane must be exactly what the person chose, minus users that vanished or left the view.
 */
@ExtendWith(ApplicationExtension.class)
class SelectionDriftFxTest {
    private static final int USERS = 60;
    private static final int REFRESHES = 300;

    private final Random random = new Random(20261201L);
    /** name → (locked, sessions) of every user that exists right now. */
    private final Map<String, int[]> world = new LinkedHashMap<>();
    private UsersViewModel model;
    private UsersView view;

    @Start
    void start(Stage stage) {
        for (int i = 0; i < USERS / 2; i++) {
            world.put(name(i), new int[] {random.nextInt(4) == 0 ? 1 : 0, random.nextInt(3) == 0 ? 1 : 0});
        }
        model = new UsersViewModel(this::listWorld, new RecordingDialogs(), FxExecutors.direct(), at -> { });
        UserActionsViewModel actions = new UserActionsViewModel(null, new RecordingDialogs(), FxExecutors.direct(), () -> { });
        view = new UsersView(model, actions, () -> { });
        view.dispose(); // the test refreshes by hand
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    @Test
    void selectionFollowsIdentitiesThroughChurningRefreshesWithFilterAndSortOn(FxRobot robot) {
        robot.interact(() -> {
            UserTable table = view.table();
            // Sorted by state, then name: every state change moves the row.
            table.getSortOrder().setAll(column(table, "stateColumn"), column(table, "mongoColumn"));
            model.stateFilterProperty().set(UserState.NOT_CLEANED_UP);
        });
        LinkedHashSet<String> expected = new LinkedHashSet<>();
        String focus = null;
        int checkedWithSelection = 0;
        for (int refresh = 0; refresh < REFRESHES; refresh++) {
            if (refresh == REFRESHES / 2) {
                robot.interact(() -> model.stateFilterProperty().set(null));
                robot.interact(() -> model.searchProperty().set("user-1"));
                expected.removeIf(name -> !name.startsWith("CN=user-1"));
            }
            if (expected.isEmpty() || random.nextInt(6) == 0) {
                List<String> chosen = onFx(this::personSelects);
                expected.clear();
                expected.addAll(chosen);
                focus = chosen.isEmpty() ? null : chosen.get(chosen.size() - 1);
            }
            churn();
            Seen seen = onFx(this::refreshAndLook);
            expected.retainAll(seen.visible());
            String when = "after refresh " + refresh;

            assertEquals(new TreeSet<>(expected), seen.selected(), "table selection " + when);
            Optional<String> detail = seen.detail();
            if (focus != null && expected.contains(focus)) {
                assertEquals(Optional.of(focus), detail, "detail pane " + when);
            } else if (expected.isEmpty()) {
                assertEquals(Optional.empty(), detail, "detail pane " + when);
            } else {
                // The focused user vanished: another user the person selected, never a neighbour.
                assertTrue(detail.isPresent() && expected.contains(detail.get()), "detail pane " + when + ": " + detail);
                focus = detail.get();
            }
            if (!expected.isEmpty()) {
                checkedWithSelection++;
            }
        }
        assertTrue(checkedWithSelection > REFRESHES / 2, "most refreshes ran with a selection: " + checkedWithSelection);
    }

    /** What the page shows after one auto-refresh: one FX round trip per refresh keeps the test quick. */
    private record Seen(Set<String> visible, TreeSet<String> selected, Optional<String> detail) {
    }

    private Seen refreshAndLook() {
        model.autoRefresh();
        return new Seen(names(model.visibleRows()), new TreeSet<>(names(view.table().getSelectionModel().getSelectedItems())),
                detailPaneUser());
    }

    /** A click, sometimes with Ctrl-clicks: the selection model API is what the mouse drives. */
    private List<String> personSelects() {
        List<UserRow> rows = List.copyOf(model.visibleRows());
        if (rows.isEmpty()) {
            return List.of();
        }
        var selection = view.table().getSelectionModel();
        selection.clearSelection();
        List<String> chosen = new ArrayList<>();
        int picks = 1 + random.nextInt(Math.min(3, rows.size()));
        for (int i = 0; i < picks; i++) {
            int index = random.nextInt(rows.size());
            String name = rows.get(index).mongoName();
            if (!chosen.contains(name)) {
                selection.select(index);
                chosen.add(name);
            }
        }
        return chosen;
    }

    /** Sessions come and go, users get locked, created and dropped. */
    private void churn() {
        List<String> names = new ArrayList<>(world.keySet());
        for (String name : names) {
            int roll = random.nextInt(100);
            int[] state = world.get(name);
            if (roll < 15) {
                state[1] = state[1] == 0 ? 1 + random.nextInt(2) : 0;
            } else if (roll < 20) {
                state[0] = 1 - state[0];
            } else if (roll < 24) {
                world.remove(name);
            }
        }
        for (int i = 0; i < 3; i++) {
            world.putIfAbsent(name(random.nextInt(USERS)), new int[] {0, random.nextInt(2)});
        }
    }

    private AutoUserListing listWorld() {
        List<AutoUser> users = new ArrayList<>();
        world.forEach((name, state) -> users.add(user(name.substring(3), state[0] == 1, state[1], "read@db1")));
        return listing(users);
    }

    private Optional<String> detailPaneUser() {
        return view.lookupAll("#detailName").stream().filter(Node::isVisible).findFirst()
                .map(node -> "CN=" + ((Labeled) node).getText());
    }

    private static Set<String> names(List<? extends UserRow> rows) {
        Set<String> names = new LinkedHashSet<>();
        rows.forEach(row -> names.add(row.mongoName()));
        return names;
    }

    private static String name(int i) {
        return "CN=user-" + String.format("%02d", i);
    }

    private static TableColumn<UserRow, ?> column(UserTable table, String id) {
        return table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }
}
