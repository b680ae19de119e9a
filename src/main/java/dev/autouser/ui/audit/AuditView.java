package dev.autouser.ui.audit;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.autouser.core.audit.AuditRecord;
import dev.autouser.ui.support.Shortcut;
import dev.autouser.ui.support.ShortcutTarget;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/** Every change the console made, newest first, with a filter box. */
public final class AuditView extends BorderPane implements ShortcutTarget {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final AuditViewModel model;
    private final TextField filter = new TextField();
    private final TableView<AuditRecord> table = new TableView<>();

    public AuditView(AuditViewModel model) {
        this.model = model;
        createView();
        bind();
        // Every visit shows the latest records: changes happen on other pages.
        sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null) {
                model.refresh();
            }
        });
    }

    @Override
    public boolean onShortcut(Shortcut shortcut) {
        switch (shortcut) {
            case REFRESH -> model.refresh();
            case SEARCH -> filter.requestFocus();
            default -> {
                return false;
            }
        }
        return true;
    }

    private void createView() {
        Label title = new Label("Audit log");
        title.getStyleClass().add("page-title");
        filter.setId("auditFilterField");
        filter.setPromptText("Filter by user, command, result, server…");
        filter.setPrefWidth(360);
        Button refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.setId("auditRefreshButton");
        refresh.setTooltip(new Tooltip("Reload the audit log (F5)"));
        refresh.setOnAction(e -> model.refresh());
        refresh.disableProperty().bind(model.busyProperty());
        HBox header = new HBox(12, title, new HBox(), filter, refresh);
        HBox.setHgrow(header.getChildren().get(1), Priority.ALWAYS);
        header.setAlignment(Pos.CENTER_LEFT);
        Label summary = new Label();
        summary.setId("auditSummary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(model.summaryProperty());
        setTop(new VBox(6, header, summary));
        BorderPane.setMargin(getTop(), new Insets(0, 0, 10, 0));
        table.setId("auditTable");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setPlaceholder(new Label("No changes recorded yet"));
        table.getColumns().setAll(java.util.List.of(
                column("Time", 165, r -> TIME.format(r.time())),
                column("Target user", 120, AuditRecord::targetUser),
                column("Command", 300, r -> shortCommand(r.command())),
                column("Result", 90, AuditRecord::result),
                column("Identity", 165, AuditRecord::identity),
                column("Server", 125, AuditRecord::server),
                column("OS user", 80, AuditRecord::osUser)));
        // The widths add up to the table's width in a 1280-pixel window; a narrower window shortens
        // only the command and the result (full text in their tooltips), never the time or who did it.
        table.getColumns().forEach(c -> c.setMinWidth(c.getPrefWidth()));
        table.getColumns().get(2).setMinWidth(160);
        table.getColumns().get(3).setMinWidth(60);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setCenter(table);
        getStyleClass().add("page");
        setId("auditView");
    }

    private void bind() {
        filter.textProperty().bindBidirectional(model.filterProperty());
        table.setItems(model.visibleRecords());
    }

    /** The command without the mongosh wrapper, so the column shows what ran ({"updateUser": …}). */
    static String shortCommand(String command) {
        String prefix = ".runCommand(";
        int start = command.indexOf(prefix);
        if (command.startsWith("db.getSiblingDB(") && start > 0 && command.endsWith(")")) {
            return command.substring(start + prefix.length(), command.length() - 1);
        }
        return command;
    }

    private static TableColumn<AuditRecord, String> column(String title, double width, Function<AuditRecord, String> value) {
        TableColumn<AuditRecord, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        // Commands are long: the full text is one hover away.
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.isEmpty() ? null : new Tooltip(text));
            }
        });
        return column;
    }
}
