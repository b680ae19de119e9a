package dev.autouser.ui.users;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.autouser.core.export.UntrustedText;
import dev.autouser.core.provisioning.UserState;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.beans.value.ObservableValue;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Function;

/** The auto-user table: columns, state colours, root-cluster tags and the brief change highlight. */
final class UserTable extends TableView<UserRow> {
    static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");

    /** The name column says what the name is on this engine: "MongoDB user" ({@code CN=alice}) or "PostgreSQL role". */
    void showEngine(dev.autouser.core.engine.Engine engine) {
        boolean postgres = engine == dev.autouser.core.engine.Engine.POSTGRESQL;
        column("mongoColumn").setText(postgres ? "PostgreSQL role" : "MongoDB user");
        // Only a role named remote-alice-root says a root cluster on PostgreSQL: the column starts hidden (the
        // table's menu shows it; the filter and the details still name the cluster), its room given to the roles.
        TableColumn<UserRow, ?> cluster = column("clusterColumn");
        cluster.setVisible(!postgres);
        column("rolesColumn").setPrefWidth(postgres ? ROLES_WIDTH + cluster.getPrefWidth() : ROLES_WIDTH);
        dev.autouser.ui.support.ColumnHeaders.keepReadable(this);
    }

    private static final double ROLES_WIDTH = 100;

    private TableColumn<UserRow, ?> column(String id) {
        return getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }

    /** Until the first listing arrives an empty table says so, not that no auto-user matches. */
    private final Label placeholder = new Label("Listing auto-users…");

    /**
     * The empty table's sentence follows the listing: "Listing auto-users…" until the first one arrives
     * ({@code loaded}), why there is none when it failed ({@code error}), then "No auto-users match".
     */
    void placeholderFollows(javafx.beans.value.ObservableBooleanValue loaded, javafx.beans.value.ObservableStringValue error) {
        placeholder.setId("usersPlaceholder");
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> loaded.get()
                ? "No auto-users match"
                : error.get().isEmpty() ? "Listing auto-users…" : "Not listed yet: the listing failed (see the message above).",
                loaded, error));
    }

    UserTable() {
        setId("usersTable");
        getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, Styles.DENSE, "users-table");
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setPlaceholder(placeholder);
        TableColumn<UserRow, UserState> state = new TableColumn<>("State");
        state.setId("stateColumn");
        state.setCellValueFactory(cell -> cell.getValue().stateProperty());
        state.setCellFactory(column -> new StateCell<>());
        state.setPrefWidth(146);
        state.setMinWidth(146); // "Not cleaned up" with its icon
        TableColumn<UserRow, String> cluster = new TableColumn<>("Root cluster");
        cluster.setId("clusterColumn");
        cluster.setCellValueFactory(cell -> cell.getValue().clusterProperty());
        cluster.setCellFactory(column -> new ClusterCell());
        cluster.setComparator(String.CASE_INSENSITIVE_ORDER);
        cluster.setPrefWidth(130);
        cluster.setMinWidth(125); // the "Root cluster" header with its sort arrow, and the tag, stay readable
        getColumns().setAll(java.util.List.of(state,
                // Teleport user is the person (walter), as in the CLI and the exports; the widths add up to
                // 1,013 px, under the table's ~1,040 in a 1280-pixel window (light or dark): no sideways scroll.
                text("Teleport user", "teleportColumn", 96, UserRow::teleportNameProperty),
                text("MongoDB user", "mongoColumn", 120, row -> row.userProperty().map(u -> UntrustedText.visible(u.mongoName()))),
                cluster,
                text("Roles", "rolesColumn", ROLES_WIDTH, UserRow::rolesProperty),
                sessions(),
                age("Last active", "lastActiveColumn", 150, UserRow::lastActiveProperty),
                seenLocked(age(EvidenceText.SEEN_LOCKED, "lockedSinceColumn", 100, UserRow::lockedSinceProperty)),
                age("First seen", "firstSeenColumn", 88, UserRow::firstSeenProperty),
                hidden(text("Clients", "clientsColumn", 120, UserRow::clientsProperty)),
                hidden(text("Apps", "appsColumn", 92, UserRow::appsProperty))));
        // Clients and apps are in the details (each live connection); the table's menu shows them as columns.
        setTableMenuButtonVisible(true);
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        dev.autouser.ui.support.ColumnHeaders.keepReadable(this);
        setRowFactory(table -> new HighlightRow());
        // A fixed row height spares the table measuring every visible cell on each refresh.
        setFixedCellSize(28);
    }

    /**
     * "Locked since" read as when the lock happened; it is when a listing first found it: the header says
     * "Seen locked" and its tooltip what that means (a column has no tooltip of its own: the header's label gets it).
     */
    private TableColumn<UserRow, AgeCell> seenLocked(TableColumn<UserRow, AgeCell> column) {
        javafx.scene.control.Tooltip means = new javafx.scene.control.Tooltip(EvidenceText.SEEN_LOCKED_MEANS);
        skinProperty().addListener((obs, was, skin) -> javafx.application.Platform.runLater(() ->
                lookupAll(".column-header").stream()
                        .filter(n -> n instanceof javafx.scene.control.skin.TableColumnHeader h && h.getTableColumn() == column)
                        .forEach(header -> javafx.scene.control.Tooltip.install(header, means))));
        return column;
    }

    private static TableColumn<UserRow, String> text(String title, String id, double width,
                                                     Function<UserRow, ObservableValue<String>> value) {
        TableColumn<UserRow, String> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> value.apply(cell.getValue()));
        // The default comparator uses a Collator, ~50x slower than this; it matters at 10,000 rows.
        column.setComparator(String.CASE_INSENSITIVE_ORDER);
        return column;
    }

    private static <T> TableColumn<UserRow, T> hidden(TableColumn<UserRow, T> column) {
        column.setVisible(false);
        return column;
    }

    /** An instant of the usage history shown as its age, sorted by the instant. */
    private static TableColumn<UserRow, AgeCell> age(String title, String id, double width,
                                                     Function<UserRow, ObservableValue<AgeCell>> value) {
        TableColumn<UserRow, AgeCell> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setMinWidth(width);
        column.setCellValueFactory(cell -> value.apply(cell.getValue()));
        return column;
    }

    private static TableColumn<UserRow, Number> sessions() {
        TableColumn<UserRow, Number> column = new TableColumn<>("Sessions");
        column.setId("sessionsColumn");
        column.setPrefWidth(88);
        column.setMinWidth(88); // the whole header, with the sort arrow
        column.setCellValueFactory(cell -> cell.getValue().sessionsProperty());
        column.getStyleClass().add(Tweaks.ALIGN_RIGHT);
        column.setComparator(java.util.Comparator.comparingInt(Number::intValue));
        return column;
    }

    /** Rows light up briefly when a refresh changed them. */
    private static final class HighlightRow extends TableRow<UserRow> {
        private final javafx.beans.value.ChangeListener<Boolean> listener =
                (obs, was, on) -> pseudoClassStateChanged(CHANGED, on);

        @Override
        protected void updateItem(UserRow row, boolean empty) {
            UserRow previous = getItem();
            if (previous != null) {
                previous.highlightedProperty().removeListener(listener);
            }
            super.updateItem(row, empty);
            boolean on = !empty && row != null && row.highlightedProperty().get();
            if (!empty && row != null) {
                row.highlightedProperty().addListener(listener);
            }
            pseudoClassStateChanged(CHANGED, on);
        }
    }

    /** Home (root) cluster tag for users that came from another cluster (remote-<user>-<root cluster>). */
    private static final class ClusterCell extends TableCell<UserRow, String> {
        // One tag and tooltip per cell, reused: cells are recycled on every refresh and scroll.
        private final Label tag = new Label("", new FontIcon(Feather.GIT_BRANCH));
        private final Tooltip tooltip = new Tooltip();

        ClusterCell() {
            tag.getStyleClass().add("leaf-tag");
        }

        @Override
        protected void updateItem(String cluster, boolean empty) {
            super.updateItem(cluster, empty);
            setText(null);
            if (empty || cluster == null || cluster.isEmpty()) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            tag.setText(cluster);
            tooltip.setText("Remote user: logged in to their home (root) cluster \"" + cluster
                    + "\" and reached this leaf cluster's database as remote-<user>-" + cluster);
            setGraphic(tag);
            setTooltip(tooltip);
        }
    }
}
