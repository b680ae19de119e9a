package dev.autouser.ui.users;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.autouser.core.provisioning.UserState;
import dev.autouser.ui.support.Shortcut;
import dev.autouser.ui.support.ShortcutTarget;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/**
 * The live auto-user page: summary counts, filters, actions, the table and the detail pane.
 * It owns the refresh timer, which only ticks while the page is on screen.
 */
public final class UsersView extends BorderPane implements ShortcutTarget {
    private final UsersViewModel model;
    private final UserActionsViewModel actions;
    private final UserTable table = new UserTable();
    private final UsersToolbar toolbar;
    private final Label selectionInfo = new Label();
    private final TableSelectionSync selectionSync = new TableSelectionSync(table);
    private Timeline timer;
    /** Set by {@link #dispose()}: a changed refresh interval must not bring a disposed page's timer back. */
    private boolean disposed;
    private final ActivityChart chart;

    public UsersView(UsersViewModel model, UserActionsViewModel actions, Runnable openCleanup) {
        this(model, actions, openCleanup, null);
    }

    /** With the usage history's chart next to the details ({@code chart} may be null: no history). */
    public UsersView(UsersViewModel model, UserActionsViewModel actions, Runnable openCleanup, ActivityChart chart) {
        this.model = model;
        this.actions = actions;
        this.chart = chart;
        this.toolbar = new UsersToolbar(model, actions, this::selected, openCleanup);
        table.showEngine(actions.engine());
        createView();
        bind();
        model.refresh();
    }

    @Override
    public boolean onShortcut(Shortcut shortcut) {
        switch (shortcut) {
            case REFRESH -> model.refresh();
            case SEARCH -> toolbar.focusSearch();
            case SELECT_ALL -> table.getSelectionModel().selectAll();
            case LOCK -> actions.lock(selected());
            case DROP -> actions.drop(selected());
        }
        return true;
    }

    /** Offers the raw usage history of this server in the Export menu (a page without history has none). */
    public void offerHistoryExport(HistoryExportViewModel history) {
        toolbar.offerHistoryExport(history);
    }

    /** Stops the refresh timer; called when the connection closes. */
    public void dispose() {
        disposed = true;
        if (timer != null) {
            timer.stop();
        }
    }

    public UserTable table() {
        return table;
    }

    /** The identities selected at this moment, never the rows at the selected positions. */
    private ChosenUsers selected() {
        return model.chosen();
    }

    private void createView() {
        Message error = new Message("Refresh failed", "", new FontIcon(Feather.ALERT_OCTAGON));
        error.setId("refreshErrorBanner");
        error.getStyleClass().add(Styles.DANGER);
        error.descriptionProperty().bind(javafx.beans.binding.Bindings.concat(model.refreshErrorProperty(),
                javafx.beans.binding.Bindings.when(model.staleProperty())
                        .then(" The rows below are from the last listing that succeeded and may be out of date.")
                        .otherwise("")));
        // While the server does not answer, the window's banner says so above every page: not twice here.
        error.visibleProperty().bind(model.refreshErrorProperty().isNotEmpty().and(model.serverTroubleProperty().isEmpty()));
        error.managedProperty().bind(error.visibleProperty());
        selectionInfo.setId("selectionInfo");
        selectionInfo.setWrapText(true);
        selectionInfo.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        setTop(new VBox(10, toolbar, new TopologyStrip(model.nodesProperty(), model.unlistedWarningProperty()), error, selectionInfo));
        UserDetailPane details = new UserDetailPane(model.focusedProperty(), actions.engine());
        javafx.scene.Node lower = details;
        if (chart != null) {
            SplitPane detailsAndChart = new SplitPane(details, chart);
            detailsAndChart.setDividerPositions(0.66);
            lower = detailsAndChart;
        }
        SplitPane split = new SplitPane(table, lower);
        // Details below the table, so the table keeps the full width for its eight columns.
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.68);
        setCenter(split);
        BorderPane.setMargin(split, new javafx.geometry.Insets(8, 0, 0, 0));
        getStyleClass().add("page");
        setId("usersView");
    }

    private void bind() {
        table.setItems(model.visibleRows());
        table.placeholderFollows(model.loadedProperty(), model.refreshErrorProperty());
        // The rows keep themselves sorted (see RowList); the table only tells them the order.
        table.setSortPolicy(sorted -> {
            model.sortBy(sorted.getComparator());
            return true;
        });
        // The person's clicks go to the model; the table's own shifts while rows move are ignored there
        // and undone when the model says the rows have settled.
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, row) -> tellModel());
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<UserRow>) change -> tellModel());
        model.reshapingProperty().addListener((obs, was, now) -> {
            if (now) {
                selectionSync.release();
            }
        });
        model.reshapedProperty().addListener((obs, was, now) -> {
            selectionSync.restore(model.selectedRows(), model.focusedProperty().get());
            describeSelection();
        });
        model.selectionNoticeProperty().addListener((obs, was, now) -> describeSelection());
        if (chart != null) {
            model.loadedProperty().addListener((obs, was, now) -> chart.reload(java.time.Instant.now(), false));
            model.lastMergeProperty().addListener((obs, was, merge) -> chart.reload(java.time.Instant.now(), false));
        }
        model.lastMergeProperty().addListener((obs, was, merge) -> {
            if (merge != null && (!merge.changed().isEmpty() || !merge.added().isEmpty())) {
                PauseTransition fade = new PauseTransition(Duration.seconds(1.6));
                fade.setOnFinished(e -> model.clearHighlights(merge));
                fade.play();
            }
            describeSelection();
        });
        // Rows from before a failed refresh stay readable but visibly dimmed: they may no longer be true.
        javafx.css.PseudoClass stale = javafx.css.PseudoClass.getPseudoClass("stale");
        model.staleProperty().addListener((obs, was, now) -> table.pseudoClassStateChanged(stale, now));
        model.refreshSecondsProperty().addListener((obs, was, seconds) -> restartTimer());
        restartTimer();
    }

    private void tellModel() {
        if (!selectionSync.restoring()) {
            model.choose(List.copyOf(table.getSelectionModel().getSelectedItems()),
                    table.getSelectionModel().getSelectedItem());
            describeSelection();
        }
    }

    private void restartTimer() {
        if (timer != null) {
            timer.stop();
        }
        if (disposed) {
            return;
        }
        int seconds = Math.max(1, model.refreshSecondsProperty().get());
        timer = new Timeline(new KeyFrame(Duration.seconds(seconds), e -> {
            if (getScene() != null) {
                model.autoRefresh();
            }
        }));
        timer.setCycleCount(Timeline.INDEFINITE);
        timer.play();
    }

    private void describeSelection() {
        List<UserRow> chosen = model.selectedRows();
        String notice = model.selectionNoticeProperty().get();
        if (chosen.isEmpty()) {
            selectionInfo.setText(notice.isEmpty() ? "Select users to lock, drop, copy as " + actions.engine().shell() + " commands or export. "
                    + "Shortcuts: F5 refresh, Ctrl+F search, Ctrl+A select all, Ctrl+L lock, Delete drop." : notice);
            return;
        }
        long active = chosen.stream().filter(r -> r.state() == UserState.ACTIVE).count();
        selectionInfo.setText(chosen.size() + " selected" + (active == 0 ? ""
                : " · " + active + " active: connected users cannot be locked or dropped and will be skipped")
                + (notice.isEmpty() ? "" : " · " + notice));
    }
}
