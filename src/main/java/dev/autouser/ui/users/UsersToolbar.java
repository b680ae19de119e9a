package dev.autouser.ui.users;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.autouser.core.export.UserExport;
import dev.autouser.core.provisioning.UserState;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.function.Supplier;

/** Title and counts, filters, refresh controls and the actions above the users table. */
final class UsersToolbar extends VBox {
    private final UsersViewModel model;
    private final UserActionsViewModel actions;
    private final Supplier<ChosenUsers> selection;
    private final TextField search = new TextField();

    private MenuButton export;
    private HBox exporting;
    private final javafx.scene.control.ProgressBar exportProgress = new javafx.scene.control.ProgressBar();
    private final Label exportStatus = new Label();

    UsersToolbar(UsersViewModel model, UserActionsViewModel actions, Supplier<ChosenUsers> selection,
                 Runnable openCleanup) {
        this.model = model;
        this.actions = actions;
        this.selection = selection;
        setSpacing(10);
        getChildren().addAll(header(), filters(refreshControls()), actionRow(openCleanup));
    }

    void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private Node header() {
        Label title = new Label("Auto-users");
        title.getStyleClass().add("page-title");
        title.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox counts = new HBox(8,
                count("countTotal", "Total", null, c -> c.total()),
                count("countActive", "Active", UserState.ACTIVE, c -> c.active()),
                count("countNotCleanedUp", "Not cleaned up", UserState.NOT_CLEANED_UP, c -> c.notCleanedUp()),
                count("countLocked", "Locked", UserState.LOCKED, c -> c.locked()));
        HBox titleAndCounts = new HBox(10, title, counts);
        titleAndCounts.setAlignment(Pos.CENTER_LEFT);
        return titleAndCounts;
    }

    /**
     * Refresh interval, pause and refresh now: at the end of the filters' flow, so in a 1024x700 window
     * they share the filters' second line instead of taking a line of their own under the counts.
     */
    private Node refreshControls() {
        ProgressIndicator refreshing = new ProgressIndicator();
        refreshing.setId("refreshingIndicator");
        refreshing.setPrefSize(18, 18);
        refreshing.visibleProperty().bind(model.refreshingProperty());
        Button refresh = iconButton("refreshButton", Feather.REFRESH_CW, "Refresh now (F5, Ctrl+R)");
        refresh.setOnAction(e -> model.refresh());
        Spinner<Integer> seconds = new Spinner<>(1, 300, model.refreshSecondsProperty().get());
        seconds.setId("refreshSecondsSpinner");
        seconds.setEditable(true);
        // Digits only: a letter used to reach the spinner's converter and throw on the FX thread.
        seconds.getEditor().setTextFormatter(new javafx.scene.control.TextFormatter<>(
                change -> change.getControlNewText().matches("\\d{0,3}") ? change : null));
        seconds.setPrefWidth(72);
        seconds.setMinWidth(72);
        seconds.valueProperty().addListener((obs, was, now) -> model.refreshSecondsProperty().set(now));
        ToggleButton pause = new ToggleButton(null, new FontIcon(Feather.PAUSE));
        pause.setId("pauseToggle");
        pause.setTooltip(new Tooltip("Pause or resume auto-refresh"));
        pause.selectedProperty().bindBidirectional(model.pausedProperty());
        pause.graphicProperty().bind(model.pausedProperty().map(p -> new FontIcon(p ? Feather.PLAY : Feather.PAUSE)));
        Label every = new Label("Refresh every");
        every.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        every.getStyleClass().add(Styles.TEXT_MUTED);
        Label unit = new Label("s");
        unit.getStyleClass().add(Styles.TEXT_MUTED);
        HBox refreshControls = new HBox(8, refreshing, every, seconds, unit, pause, refresh);
        refreshControls.setAlignment(Pos.CENTER_LEFT);
        return refreshControls;
    }

    private Node count(String id, String label, UserState state, java.util.function.ToIntFunction<UserCounts> value) {
        Button chip = new Button();
        chip.setId(id);
        chip.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        chip.getStyleClass().addAll("count-chip", state == null ? "count-total" : StateCell.styleClass(state));
        if (state != null) {
            chip.setGraphic(new FontIcon(StateCell.icon(state)));
        }
        // Before any listing succeeded (e.g. usersInfo refused) the count is unknown, never "0 Total".
        chip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> (model.loadedProperty().get() ? String.valueOf(value.applyAsInt(model.countsProperty().get())) : "–")
                        + " " + label, model.countsProperty(), model.loadedProperty()));
        chip.setTooltip(new Tooltip(state == null ? "Show all users" : "Show only " + label.toLowerCase() + " users"));
        chip.setOnAction(e -> model.stateFilterProperty().set(state));
        return chip;
    }

    private Node filters(Node refreshControls) {
        search.setId("searchField");
        // The shortcut is in the tooltip: with it the prompt was cut in a 1024-pixel window.
        search.setPromptText("Search users, roles, clients, apps");
        search.setTooltip(new Tooltip("Search users, roles, clients and apps (Ctrl+F)"));
        search.setPrefWidth(300);
        HBox.setHgrow(search, javafx.scene.layout.Priority.SOMETIMES);
        search.textProperty().bindBidirectional(model.searchProperty());
        ComboBox<UserState> state = new ComboBox<>();
        state.setId("stateFilter");
        state.getItems().setAll(null, UserState.ACTIVE, UserState.NOT_CLEANED_UP, UserState.LOCKED);
        state.setConverter(labels("All states", StateCell::label));
        state.valueProperty().bindBidirectional(model.stateFilterProperty());
        state.setMinWidth(130);
        ComboBox<String> role = new ComboBox<>();
        role.setId("roleFilter");
        role.setPrefWidth(190);
        role.setMinWidth(150);
        model.knownRoles().addListener((javafx.collections.ListChangeListener<String>) c -> refillRoles(role));
        refillRoles(role);
        role.setConverter(labels("All roles", s -> s));
        role.valueProperty().bindBidirectional(model.roleFilterProperty());
        ComboBox<UserRowFilter.ClusterFilter> cluster = new ComboBox<>();
        cluster.setId("clusterFilter");
        cluster.getItems().setAll(UserRowFilter.ClusterFilter.values());
        cluster.valueProperty().bindBidirectional(model.clusterFilterProperty());
        cluster.setMinWidth(170);
        Button clear = new Button("Clear filters", new FontIcon(Feather.X));
        clear.setId("clearFiltersButton");
        clear.getStyleClass().add(Styles.FLAT);
        clear.setOnAction(e -> model.clearFilters());
        clear.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label shown = new Label();
        shown.setId("shownCount");
        shown.getStyleClass().add(Styles.TEXT_MUTED);
        shown.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        model.visibleRows().addListener((javafx.beans.InvalidationListener) o ->
                shown.setText(model.visibleRows().size() + " shown"));
        HBox searchBox = new HBox(8, new FontIcon(Feather.SEARCH), search);
        searchBox.setAlignment(Pos.CENTER_LEFT);
        search.setMinWidth(220);
        // Flows onto a second line in a narrow window rather than widening the page.
        HBox filtered = new HBox(8, clear, shown);
        filtered.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.layout.FlowPane row = new javafx.scene.layout.FlowPane(8, 8, searchBox, state, role, cluster, filtered,
                new Spacer(16), refreshControls);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void refillRoles(ComboBox<String> role) {
        String chosen = role.getValue();
        java.util.List<String> items = new java.util.ArrayList<>();
        items.add(null);
        items.addAll(model.knownRoles());
        role.getItems().setAll(items);
        role.setValue(chosen);
    }

    private Node actionRow(Runnable openCleanup) {
        Button lock = new Button("Lock", new FontIcon(Feather.LOCK));
        lock.setId("lockButton");
        lock.setTooltip(new Tooltip("Lock the selected users: no roles, no new logins (Ctrl+L)"));
        lock.setOnAction(e -> actions.lock(selection.get()));
        Button drop = new Button("Drop", new FontIcon(Feather.TRASH_2));
        drop.setId("dropButton");
        drop.getStyleClass().add(Styles.DANGER);
        drop.setTooltip(new Tooltip("Drop the selected users: lock, verify no connection, "
                + (actions.engine() == dev.autouser.core.engine.Engine.POSTGRESQL ? "DROP ROLE" : "dropUser") + " (Delete)"));
        drop.setOnAction(e -> actions.drop(selection.get()));
        for (Button button : List.of(lock, drop)) {
            button.disableProperty().bind(actions.busyProperty());
        }
        MenuButton copy = new MenuButton("Copy as " + actions.engine().shell(), new FontIcon(Feather.CLIPBOARD));
        copy.setId("copyMenu");
        if (actions.engine() == dev.autouser.core.engine.Engine.POSTGRESQL) {
            copy.getItems().setAll(
                    copyItem("copyLock", "ALTER ROLE … NOLOGIN, REVOKE (lock)", UserActionsViewModel.CopyKind.LOCK),
                    copyItem("copyDrop", "DROP ROLE (drop)", UserActionsViewModel.CopyKind.DROP));
        } else {
            copy.getItems().setAll(
                    copyItem("copyInspect", "usersInfo (inspect)", UserActionsViewModel.CopyKind.INSPECT),
                    copyItem("copyLock", "updateUser (lock)", UserActionsViewModel.CopyKind.LOCK),
                    copyItem("copyDrop", "dropUser (drop)", UserActionsViewModel.CopyKind.DROP));
        }
        export = new MenuButton("Export", new FontIcon(Feather.DOWNLOAD));
        export.setId("exportMenu");
        export.getItems().setAll(exportItem("exportCsv", UserExport.Format.CSV), exportItem("exportJson", UserExport.Format.JSON));
        Button cleanup = new Button("Clean up…", new FontIcon(Feather.WIND));
        cleanup.setId("cleanupButton");
        cleanup.setOnAction(e -> openCleanup.run());
        exportProgress.setId("historyExportProgress");
        exportProgress.setPrefWidth(120);
        exportStatus.getStyleClass().add(Styles.TEXT_MUTED);
        HBox exporting = new HBox(6, exportProgress, exportStatus);
        exporting.setAlignment(Pos.CENTER_LEFT);
        exporting.setVisible(false);
        exporting.managedProperty().bind(exporting.visibleProperty());
        this.exporting = exporting;
        HBox row = new HBox(8, lock, drop, copy, export, exporting, new Spacer(), cleanup);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private MenuItem copyItem(String id, String text, UserActionsViewModel.CopyKind kind) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> actions.copy(kind, selection.get().rows()));
        return item;
    }

    /** Adds "Usage history (CSV/JSON)…" to the Export menu, and its progress next to it while it runs. */
    void offerHistoryExport(HistoryExportViewModel history) {
        MenuItem csv = historyItem("exportHistoryCsv", UserExport.Format.CSV, history);
        MenuItem json = historyItem("exportHistoryJson", UserExport.Format.JSON, history);
        export.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), csv, json);
        exporting.visibleProperty().bind(history.busyProperty());
        exportProgress.progressProperty().bind(history.progressProperty());
        exportStatus.textProperty().bind(history.statusProperty());
    }

    private static MenuItem historyItem(String id, UserExport.Format format, HistoryExportViewModel history) {
        MenuItem item = new MenuItem("Usage history of this server (" + format.name() + ")…");
        item.setId(id);
        item.disableProperty().bind(history.busyProperty());
        item.setOnAction(e -> history.export(format));
        return item;
    }

    private MenuItem exportItem(String id, UserExport.Format format) {
        MenuItem item = new MenuItem(format.name() + " of the users shown");
        item.setId(id);
        item.setOnAction(e -> actions.export(format, List.copyOf(model.visibleRows())));
        return item;
    }

    private static Button iconButton(String id, Feather icon, String tooltip) {
        Button button = new Button(null, new FontIcon(icon));
        button.setId(id);
        button.setTooltip(new Tooltip(tooltip));
        return button;
    }

    private static <T> StringConverter<T> labels(String none, java.util.function.Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? none : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }
}
