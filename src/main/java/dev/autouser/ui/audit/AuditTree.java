package dev.autouser.ui.audit;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.autouser.core.audit.AuditEntry;
import dev.autouser.core.audit.Outcome;
import dev.autouser.core.audit.RunSummary;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.css.PseudoClass;
import javafx.scene.layout.HBox;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One row per run, newest first, that expands to its records. After a reload the same runs stay
 * expanded and the same row stays selected, by key, never by position.
 */
final class AuditTree extends TreeTableView<AuditRow> {
    private static final PseudoClass BROKEN = PseudoClass.getPseudoClass("broken");

    private final AuditViewModel model;
    private final TreeItem<AuditRow> root = new TreeItem<>();

    AuditTree(AuditViewModel model) {
        this.model = model;
        setId("auditTree");
        getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE, "audit-tree");
        setRoot(root);
        setShowRoot(false);
        setPlaceholder(new Label("No changes recorded yet"));
        TreeTableColumn<AuditRow, String> what = whatColumn();
        // A run row shows its date; its records, indented below it, only their time of day.
        TreeTableColumn<AuditRow, String> identity = column("Identity", 165, AuditRow::identity);
        getColumns().setAll(List.of(
                column("Time", 195, row -> row instanceof AuditRow.Run ? AuditText.tableTime(row.time())
                        : AuditText.timeOfDay(row.time())),
                what,
                column("Target user", 120, AuditRow::target),
                outcomeColumn(),
                column("Server", 145, AuditRow::server),
                identity));
        // Fixed columns never cut their text; the action or command takes what is left (in full in the details).
        // In a narrow window the identity (also in the details and the status bar) makes way.
        getColumns().forEach(c -> c.setMinWidth(c.getPrefWidth()));
        identity.visibleProperty().bind(widthProperty().greaterThan(950));
        what.setMinWidth(150);
        what.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> getWidth() - 20 - getColumns().stream()
                .filter(c -> c != what && c.isVisible()).mapToDouble(TreeTableColumn::getPrefWidth).sum(),
                widthProperty(), identity.visibleProperty()));
        setColumnResizePolicy(TreeTableView.UNCONSTRAINED_RESIZE_POLICY);
        model.runs().addListener((ListChangeListener<RunSummary>) change -> rebuild());
        // The record where the chain breaks, and its run, are marked so the eye finds them in a long log.
        setRowFactory(table -> new TreeTableRow<>() {
            @Override
            protected void updateItem(AuditRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(BROKEN, !empty && row != null && row.holds(model.brokenSeqProperty().get()));
            }
        });
        model.brokenSeqProperty().addListener((obs, was, now) -> refresh());
        getSelectionModel().selectedItemProperty().addListener((obs, was, item) ->
                model.selectedProperty().set(item == null ? null : item.getValue()));
        rebuild();
    }

    private void rebuild() {
        Set<String> expanded = new HashSet<>();
        root.getChildren().stream().filter(TreeItem::isExpanded).forEach(item -> expanded.add(item.getValue().key()));
        String selectedKey = model.selectedProperty().get() == null ? null : model.selectedProperty().get().key();
        TreeItem<AuditRow> reselect = null;
        List<TreeItem<AuditRow>> items = new java.util.ArrayList<>();
        for (RunSummary run : model.runs()) {
            TreeItem<AuditRow> item = new TreeItem<>(new AuditRow.Run(run));
            for (AuditEntry entry : run.entries()) {
                TreeItem<AuditRow> child = new TreeItem<>(new AuditRow.Record(entry));
                item.getChildren().add(child);
                if (child.getValue().key().equals(selectedKey)) {
                    reselect = child;
                    item.setExpanded(true);
                }
            }
            item.setExpanded(item.isExpanded() || expanded.contains(item.getValue().key()));
            if (item.getValue().key().equals(selectedKey)) {
                reselect = item;
            }
            items.add(item);
        }
        root.getChildren().setAll(items);
        if (reselect != null) {
            getSelectionModel().select(reselect);
        } else {
            getSelectionModel().clearSelection();
        }
    }

    private static TreeTableColumn<AuditRow, String> column(String title, double width, Function<AuditRow, String> value) {
        TreeTableColumn<AuditRow, String> column = new TreeTableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue().getValue())));
        return column;
    }

    /** The action or command, led by a tag when the run was a simulation or a dry run. */
    private static TreeTableColumn<AuditRow, String> whatColumn() {
        TreeTableColumn<AuditRow, String> column = column("Action / command", 300, AuditRow::what);
        column.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                AuditRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (row == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(text);
                if (row.marks().isEmpty()) {
                    setGraphic(null);
                } else {
                    Label tag = new Label(row.marks());
                    tag.getStyleClass().add("audit-mark");
                    setGraphic(new HBox(tag));
                }
            }
        });
        return column;
    }

    /** Coloured by outcome: a failure or refusal must stand out in a run of 500. */
    private static TreeTableColumn<AuditRow, String> outcomeColumn() {
        TreeTableColumn<AuditRow, String> column = column("Outcome", 130, AuditRow::outcome);
        column.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                getStyleClass().removeAll("result-ok", "result-failed");
                AuditRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (row instanceof AuditRow.Record record) {
                    Outcome outcome = record.entry().record().outcome();
                    if (outcome == Outcome.OK) {
                        getStyleClass().add("result-ok");
                    } else if (outcome == Outcome.FAILED || outcome == Outcome.REFUSED || outcome == Outcome.UNKNOWN) {
                        getStyleClass().add("result-failed");
                    }
                } else if (row instanceof AuditRow.Run run && run.run().outcomes().keySet().stream()
                        .anyMatch(o -> o == Outcome.FAILED || o == Outcome.REFUSED || o == Outcome.UNKNOWN)) {
                    getStyleClass().add("result-failed");
                }
            }
        });
        return column;
    }
}
