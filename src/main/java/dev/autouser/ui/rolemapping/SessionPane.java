package dev.autouser.ui.rolemapping;

import atlantafx.base.theme.Styles;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** Who the session is for (user, cluster, traits), the preview, and the clearly labelled simulation where there is one. */
final class SessionPane extends VBox {
    SessionPane(RoleMappingViewModel editor, SessionPreviewModel model) {
        TextArea traits = new TextArea();
        traits.setId("traitsArea");
        traits.setPrefRowCount(2);
        traits.setPromptText(editor.hints().traitsPrompt());
        traits.textProperty().bindBidirectional(editor.sampleTraitsProperty());
        TextField user = RoleMappingView.field("previewUserField", "alice");
        user.textProperty().bindBidirectional(model.userProperty());
        TextField cluster = RoleMappingView.field("previewClusterField", "root cluster, when the database is in a leaf cluster");
        cluster.textProperty().bindBidirectional(model.rootClusterProperty());
        TextField roles = RoleMappingView.field("previewRolesField", editor.hints().requestPrompt());
        roles.textProperty().bindBidirectional(model.requestedRolesProperty());
        GridPane grid = RoleMappingView.formGrid();
        grid.addRow(0, new Label("Teleport user"), user);
        grid.addRow(1, new Label("Root cluster"), cluster);
        grid.addRow(2, new Label("Only roles"), roles);
        grid.addRow(3, new Label("Sample traits"), traits);
        Button preview = RoleMappingView.button("Preview", Feather.EYE, "previewButton", model::preview);
        preview.disableProperty().bind(model.busyProperty().or(user.textProperty().isEmpty()));
        TextArea result = new TextArea();
        result.setId("previewArea");
        result.setEditable(false);
        result.setWrapText(true);
        result.getStyleClass().add("code");
        result.textProperty().bind(model.previewProperty());
        setSpacing(8);
        if (!model.canSimulate()) {
            getChildren().addAll(grid, preview, result);
            VBox.setVgrow(result, Priority.ALWAYS);
            return;
        }
        grid.addRow(4, new Label("Simulate as"), simulateAs(model));
        Button simulate = RoleMappingView.button("Simulate session…", Feather.PLAY_CIRCLE, "simulateButton", model::simulate);
        simulate.getStyleClass().add(Styles.DANGER);
        simulate.disableProperty().bind(model.busyProperty().or(user.textProperty().isEmpty()));
        Label banner = new Label("Simulation really runs Teleport's activate and deactivate/drop on the connected server.");
        banner.getStyleClass().add("simulation-banner");
        banner.setWrapText(true);
        banner.setId("simulationBanner");
        // Never squeezed to one cut line when the pane is short (1024x700): the warning must read in full.
        banner.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        ListView<String> steps = new ListView<>(model.simulationSteps());
        steps.setId("simulationSteps");
        // the run's two steps and its verdict, each whole (70 px showed one and a half)
        steps.setPrefHeight(100);
        steps.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        steps.setCellFactory(list -> wrapping(list));
        getChildren().addAll(grid, new HBox(8, preview, simulate), banner, result, new Label("Simulation steps"), steps);
        VBox.setVgrow(result, Priority.ALWAYS);
    }

    /** A step reads whole, on as many lines as it needs, rather than cut at the list's right edge. */
    private static javafx.scene.control.ListCell<String> wrapping(ListView<String> list) {
        javafx.scene.control.ListCell<String> cell = new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        };
        cell.setWrapText(true);
        cell.prefWidthProperty().bind(list.widthProperty().subtract(24));
        return cell;
    }

    private static Node simulateAs(SessionPreviewModel model) {
        TextField admin = RoleMappingView.field("simulateAsField", "connected identity; or Teleport's admin certificate + key PEM");
        admin.textProperty().bindBidirectional(model.adminCertificateProperty());
        showsTheEndOfAPath(admin);
        Button chooseAdmin = RoleMappingView.button("Browse…", Feather.FOLDER, "simulateAsBrowseButton", model::chooseAdminCertificate);
        chooseAdmin.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox simulateAs = new HBox(8, admin, chooseAdmin);
        HBox.setHgrow(admin, Priority.ALWAYS);
        return simulateAs;
    }

    /**
     * A long path showed its start (/home/…/demo-pki/…) and hid the file name: when the field is not
     * being typed in, it scrolls to the end of its text; the tooltip holds the whole path.
     */
    static void showsTheEndOfAPath(TextField field) {
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(field.textProperty());
        field.textProperty().addListener((obs, was, now) -> {
            field.setTooltip(now == null || now.isBlank() ? null : tooltip);
            if (!field.isFocused()) {
                Platform.runLater(() -> scrollToEnd(field));
            }
        });
        // A path filled in before the field was first shown (the demo's, while the "Preview & simulate" tab was
        // still hidden) had its caret put back to the start by the time the tab opened, so the start was drawn:
        // whenever the caret leaves the end of an unfocused field, it goes back there (once: no loop).
        field.caretPositionProperty().addListener((obs, was, now) -> {
            if (!field.isFocused() && now.intValue() != field.getLength()) {
                Platform.runLater(() -> {
                    if (!field.isFocused() && field.getCaretPosition() != field.getLength()) {
                        scrollToEnd(field);
                    }
                });
            }
        });
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                scrollToEnd(field);
            }
        });
        if (!field.getText().isBlank()) {
            field.setTooltip(tooltip);
            Platform.runLater(() -> scrollToEnd(field));
        }
    }

    /** Moves the caret to the end (from the start, so the skin scrolls even when it was there already). */
    private static void scrollToEnd(TextField field) {
        field.home();
        field.end();
    }
}
