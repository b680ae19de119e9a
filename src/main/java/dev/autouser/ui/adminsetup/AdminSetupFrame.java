package dev.autouser.ui.adminsetup;

import atlantafx.base.theme.Styles;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The admin-setup page every engine shares: a title, the engine's form, Verify / Apply with the
 * status, and the results (findings and applied steps, the script, Teleport's YAML). The engine's
 * view gives the form; everything else is bound here to the {@link AdminSetupPageModel}.
 */
final class AdminSetupFrame {
    private AdminSetupFrame() {
    }

    /** Lays out {@code page} with {@code title}, the engine's {@code form} rows and the shared parts, then opens the model. */
    static <F> void build(BorderPane page, AdminSetupPageModel<F> model, String title, Node... form) {
        page.setId("adminSetupView");
        page.getStyleClass().add("admin-setup-view");
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_3);
        VBox top = new VBox(8, heading);
        top.getChildren().addAll(form);
        top.getChildren().add(actions(model));
        top.setPadding(new Insets(0, 0, 12, 0));
        page.setTop(top);
        page.setCenter(results(model));
        page.setPadding(new Insets(16, 20, 12, 20)); // as the users and audit pages
        model.open();
    }

    private static HBox actions(AdminSetupPageModel<?> model) {
        Button verify = new Button("Verify", new FontIcon(Feather.CHECK_CIRCLE));
        Button apply = new Button("Apply…", new FontIcon(Feather.PLAY));
        ProgressIndicator progress = new ProgressIndicator();
        Label status = new Label();
        verify.setId("verifyButton");
        apply.setId("applyButton");
        // The blue default action only while there is something to apply: after a clean check it is a plain
        // button (still there: a form edited since the check may need it, and it checks again before it runs).
        model.nothingToApplyProperty().addListener((obs, was, nothing) -> accent(apply, !nothing));
        accent(apply, !model.nothingToApplyProperty().get());
        progress.setMaxSize(20, 20);
        status.setId("statusLabel");
        status.setWrapText(true);
        status.setMinWidth(0);
        status.textProperty().bind(model.statusProperty());
        progress.visibleProperty().bind(model.busyProperty());
        verify.disableProperty().bind(model.busyProperty());
        apply.disableProperty().bind(model.busyProperty());
        verify.setOnAction(e -> model.verify());
        apply.setOnAction(e -> model.apply());
        verify.setMinWidth(Button.USE_PREF_SIZE);
        apply.setMinWidth(Button.USE_PREF_SIZE);
        HBox actions = new HBox(8, verify, apply, progress, status);
        actions.setAlignment(Pos.CENTER_LEFT); // the status sits on the buttons' middle, not their top
        return actions;
    }

    private static void accent(Button button, boolean on) {
        button.getStyleClass().remove(Styles.ACCENT);
        if (on) {
            button.getStyleClass().add(Styles.ACCENT);
        }
    }

    private static <F> TabPane results(AdminSetupPageModel<F> model) {
        ListView<F> findingList = new ListView<>(model.findings());
        findingList.setId("findingList");
        findingList.setCellFactory(list -> new FindingCell<>(model));
        findingList.setPlaceholder(new Label("No findings yet: Verify reads the server."));
        // Findings from before the server stopped answering stay readable, visibly dimmed.
        PseudoClass staleState = PseudoClass.getPseudoClass("stale");
        model.staleProperty().addListener((obs, was, now) -> findingList.pseudoClassStateChanged(staleState, now));
        ListView<String> stepList = new ListView<>(model.steps());
        stepList.setId("stepList");
        stepList.setPlaceholder(new Label("Nothing applied yet: Apply shows each change here as it runs."));
        stepList.setPrefHeight(110);
        TextArea scriptArea = new TextArea();
        scriptArea.setId("scriptArea");
        scriptArea.setEditable(false);
        scriptArea.getStyleClass().add("code");
        scriptArea.textProperty().bind(model.scriptProperty());
        Button copyScript = new Button("Copy script", new FontIcon(Feather.COPY));
        copyScript.setId("copyScriptButton");
        copyScript.setOnAction(e -> model.copyScript());
        VBox findings = new VBox(8, findingList, new Label("Applied steps"), stepList);
        VBox.setVgrow(findingList, Priority.ALWAYS);
        VBox script = new VBox(8, scriptArea, copyScript);
        VBox.setVgrow(scriptArea, Priority.ALWAYS);
        TabPane tabs = new TabPane(new Tab("Findings", findings), new Tab(model.scriptKind(), script),
                new Tab("Teleport YAML", yamlPane(model)));
        tabs.setId("resultTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private static VBox yamlPane(AdminSetupPageModel<?> model) {
        TextArea yamlArea = new TextArea();
        yamlArea.setId("yamlArea");
        yamlArea.setEditable(false);
        yamlArea.getStyleClass().add("code");
        yamlArea.textProperty().bind(model.teleportYamlProperty());
        CheckBox staticYaml = new CheckBox("Static form (teleport.yaml db_service)");
        staticYaml.setId("staticYamlCheck");
        staticYaml.selectedProperty().bindBidirectional(model.staticYamlProperty());
        TextField teleportDbName = new TextField();
        teleportDbName.setId("teleportDbNameField");
        teleportDbName.textProperty().bindBidirectional(model.teleportDbNameProperty());
        Button copy = new Button("Copy", new FontIcon(Feather.COPY));
        copy.setId("copyYamlButton");
        copy.setOnAction(e -> model.copyYaml());
        Button save = new Button("Save…", new FontIcon(Feather.SAVE));
        save.setId("saveYamlButton");
        save.setOnAction(e -> model.saveYaml());
        HBox options = new HBox(8, new Label("Teleport database name"), teleportDbName, staticYaml, copy, save);
        options.setAlignment(Pos.CENTER_LEFT);
        VBox pane = new VBox(8, options, yamlArea);
        VBox.setVgrow(yamlArea, Priority.ALWAYS);
        return pane;
    }

    /** A finding with its consequence underneath, problems marked, wrapped at the list's width. */
    private static final class FindingCell<F> extends ListCell<F> {
        private final AdminSetupPageModel<F> model;
        private final Label text = new Label();

        FindingCell(AdminSetupPageModel<F> model) {
            this.model = model;
            // As wide as its text, a consequence ran off the list's right edge at 1024 px: a wrapping label
            // as wide as the list (less its padding and scroll bar) gives the row the height it needs.
            text.setWrapText(true);
            text.setMinHeight(USE_PREF_SIZE);
            listViewProperty().addListener((obs, was, list) -> {
                text.prefWidthProperty().unbind();
                if (list != null) {
                    text.prefWidthProperty().bind(list.widthProperty().subtract(60));
                }
            });
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(F finding, boolean empty) {
            super.updateItem(finding, empty);
            getStyleClass().removeAll("finding-problem", "finding-note");
            setText(null);
            if (empty || finding == null) {
                setGraphic(null);
                return;
            }
            boolean problem = model.isProblem(finding);
            getStyleClass().add(problem ? "finding-problem" : "finding-note");
            text.setGraphic(new FontIcon(problem ? Feather.ALERT_TRIANGLE : Feather.INFO));
            text.setText(model.describe(finding));
            setGraphic(text);
        }
    }
}
