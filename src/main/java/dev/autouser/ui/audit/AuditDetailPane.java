package dev.autouser.ui.audit;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** Every field of the selected run or record, in full: the command and the result are never cut off. */
final class AuditDetailPane extends ScrollPane {
    private final GridPane grid = new GridPane();
    private final AuditViewModel model;

    AuditDetailPane(AuditViewModel model) {
        this.model = model;
        setId("auditDetails");
        getStyleClass().add("detail-pane");
        grid.setHgap(12);
        grid.setVgap(4);
        grid.setPadding(new Insets(8, 10, 8, 10));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(90);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        grid.getColumnConstraints().setAll(labels, values);
        setContent(grid);
        setFitToWidth(true);
        model.details().addListener((ListChangeListener<AuditText.Field>) c -> show());
        show();
    }

    private void show() {
        grid.getChildren().clear();
        if (model.details().isEmpty()) {
            Label hint = new Label("Select a run or a record to see every field.");
            hint.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
            grid.add(hint, 0, 0, 2, 1);
            return;
        }
        int row = 0;
        for (AuditText.Field field : model.details()) {
            Label label = new Label(field.label());
            label.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
            GridPane.setValignment(label, VPos.TOP);
            grid.add(label, 0, row);
            grid.add(field.label().equals("Command") ? command(field.value()) : value(field), 1, row);
            row++;
        }
    }

    private static Label value(AuditText.Field field) {
        Label value = new Label(field.value());
        value.setWrapText(true);
        value.setId("auditDetail" + field.label().replaceAll("[^A-Za-z0-9]", ""));
        if (field.label().equals("SHA-256") || field.label().equals("Run")) {
            value.getStyleClass().add("code");
        }
        return value;
    }

    /** Selectable, so it can be copied into mongosh; as many lines as it has. */
    private static TextArea command(String text) {
        TextArea area = new TextArea(text);
        area.setId("auditDetailCommand");
        area.setEditable(false);
        area.setWrapText(true);
        area.getStyleClass().add("code");
        area.setPrefRowCount(Math.min(8, Math.max(2, text.split("\n").length + text.length() / 110)));
        return area;
    }
}
