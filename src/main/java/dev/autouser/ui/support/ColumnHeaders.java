package dev.autouser.ui.support;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.skin.TableColumnHeader;

/**
 * Keeps every column at least as wide as its header's text, measured with the fonts the window
 * really uses (a real GTK window's fonts are wider than the headless tests'): a constrained table
 * at 1024 px otherwise shrinks "Teleport user" to "Teleport…" and "Apps" to "A…". Room for the sort
 * arrow is kept only on the sorted columns: reserved on all, the users table's eight columns no longer
 * fit in 1024 px.
 */
public final class ColumnHeaders {
    /** Room for the sort arrow, which appears beside the title once the column is sorted. */
    private static final double SORT_ARROW = 18;

    private ColumnHeaders() {
    }

    public static void keepReadable(TableView<?> table) {
        watch(table);
        table.widthProperty().addListener((obs, was, width) -> Platform.runLater(() -> fit(table)));
        table.getColumns().addListener((javafx.beans.InvalidationListener) change -> Platform.runLater(() -> fit(table)));
        table.getSortOrder().addListener((javafx.beans.InvalidationListener) change -> Platform.runLater(() -> fit(table)));
    }

    public static void keepReadable(TreeTableView<?> table) {
        watch(table);
        table.getColumns().addListener((javafx.beans.InvalidationListener) change -> Platform.runLater(() -> fit(table)));
        table.getSortOrder().addListener((javafx.beans.InvalidationListener) change -> Platform.runLater(() -> fit(table)));
    }

    private static void watch(Control table) {
        // The headers exist once the skin does, and their fonts once the scene's CSS is applied.
        table.skinProperty().addListener((obs, was, skin) -> Platform.runLater(() -> fit(table)));
        table.sceneProperty().addListener((obs, was, scene) -> Platform.runLater(() -> fit(table)));
    }

    /**
     * Sets each column's minimum width to what its header needs now (its title, plus the sort arrow
     * while it is sorted), never below the minimum the code gave it.
     */
    static void fit(Control table) {
        if (table.getScene() == null || table.getSkin() == null) {
            return;
        }
        table.applyCss();
        java.util.List<?> sorted = table instanceof TableView<?> view ? view.getSortOrder()
                : table instanceof TreeTableView<?> tree ? tree.getSortOrder() : java.util.List.of();
        for (Node node : table.lookupAll(".column-header")) {
            if (node instanceof TableColumnHeader header && header.getTableColumn() != null
                    && header.lookup(".label") instanceof Label title) {
                TableColumnBase<?, ?> column = header.getTableColumn();
                Object base = column.getProperties().computeIfAbsent(BASE_MIN, key -> column.getMinWidth());
                double needed = Math.ceil(title.prefWidth(-1) + header.snappedLeftInset() + header.snappedRightInset()
                        + (sorted.contains(column) ? SORT_ARROW : 0));
                column.setMinWidth(Math.max((Double) base, needed));
                if (column.getPrefWidth() < column.getMinWidth()) {
                    column.setPrefWidth(column.getMinWidth());
                }
            }
        }
        if (table instanceof TableView<?> view) {
            scrollWhenTheyDoNotFit(view);
        }
    }

    /**
     * A constrained table never scrolls sideways: columns whose headers do not fit the width would be
     * pushed out of sight. Then the table scrolls instead, and goes back to filling its width when they fit.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void scrollWhenTheyDoNotFit(TableView<?> view) {
        Object original = view.getProperties().computeIfAbsent(POLICY, key -> view.getColumnResizePolicy());
        double needed = view.getVisibleLeafColumns().stream().mapToDouble(TableColumnBase::getMinWidth).sum();
        boolean fits = needed <= view.getWidth() - view.snappedLeftInset() - view.snappedRightInset() - 16;
        Object policy = fits ? original : TableView.UNCONSTRAINED_RESIZE_POLICY;
        if (view.getColumnResizePolicy() != policy) {
            ((TableView) view).setColumnResizePolicy((javafx.util.Callback) policy);
        }
    }

    private static final String POLICY = ColumnHeaders.class.getName() + ".policy";

    private static final String BASE_MIN = ColumnHeaders.class.getName() + ".baseMin";
}
