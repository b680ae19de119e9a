package dev.autouser.ui.adminsetup;

import atlantafx.base.theme.Styles;
import dev.autouser.core.teleport.adminsetup.Finding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The admin-setup wizard: what Teleport needs, what the server has, the commands, the Teleport YAML. */
public final class AdminSetupView extends BorderPane {
    private final AdminSetupViewModel model;
    private final TextField roleName = new TextField();
    private final TextField adminUser = new TextField();
    private final RadioButton scopeAll = new RadioButton("grantRole on all databases (Teleport's documented form)");
    private final RadioButton scopeChosen = new RadioButton("grantRole only on the databases owning the mapped roles (least privilege)");
    private final ListView<String> databaseList = new ListView<>();
    private final Label databaseAdvice = new Label();
    private final CheckBox viewRole = new CheckBox("Also grant viewRole (read-only)");
    private final Label status = new Label();
    private final ListView<Finding> findingList = new ListView<>();
    private final ListView<String> stepList = new ListView<>();
    private final TextArea scriptArea = new TextArea();
    private final TextArea yamlArea = new TextArea();
    private final CheckBox staticYaml = new CheckBox("Static form (teleport.yaml db_service)");
    private final TextField teleportDbName = new TextField();
    private final Button verify = new Button("Verify", new FontIcon(Feather.CHECK_CIRCLE));
    private final Button apply = new Button("Apply…", new FontIcon(Feather.PLAY));
    private final ProgressIndicator progress = new ProgressIndicator();

    public AdminSetupView(AdminSetupViewModel model) {
        this.model = model;
        createView();
        bind();
        model.loadDatabases();
    }

    private void createView() {
        setId("adminSetupView");
        getStyleClass().add("admin-setup-view");
        setTop(createForm());
        setCenter(createResults());
        setPadding(new Insets(16, 20, 12, 20)); // as the users and audit pages
    }

    private VBox createForm() {
        Label title = new Label("Teleport admin setup");
        title.getStyleClass().add(Styles.TITLE_3);
        GridPane names = new GridPane();
        names.setHgap(8);
        names.setVgap(6);
        names.addRow(0, new Label("Role (in admin)"), roleName, new Label("Admin user (in $external)"), adminUser);
        roleName.setId("roleNameField");
        adminUser.setId("adminUserField");
        ToggleGroup scope = new ToggleGroup();
        scopeAll.setToggleGroup(scope);
        scopeChosen.setToggleGroup(scope);
        scopeAll.setId("scopeAllRadio");
        scopeChosen.setId("scopeChosenRadio");
        databaseList.setId("databaseList");
        databaseList.setPrefHeight(90);
        databaseList.setCellFactory(CheckBoxListCell.forListView(db -> model.databases().chosenProperty(db)));
        databaseAdvice.setId("databaseAdvice");
        databaseAdvice.setWrapText(true);
        viewRole.setId("viewRoleCheck");
        Label viewRoleHelp = new Label("Teleport does not need viewRole. With it, this console can check that your role mapping's"
                + " db_roles name roles that exist (rolesInfo); without it, validation says it cannot check.");
        viewRoleHelp.setWrapText(true);
        viewRoleHelp.getStyleClass().add(Styles.TEXT_MUTED);
        verify.setId("verifyButton");
        apply.setId("applyButton");
        apply.getStyleClass().add(Styles.ACCENT);
        progress.setMaxSize(20, 20);
        status.setId("statusLabel");
        HBox actions = new HBox(8, verify, apply, progress, status);
        actions.setAlignment(Pos.CENTER_LEFT); // the status sits on the buttons' middle, not their top
        VBox form = new VBox(8, title, names, scopeAll, scopeChosen, databaseList, databaseAdvice, viewRole, viewRoleHelp, actions);
        form.setPadding(new Insets(0, 0, 12, 0));
        return form;
    }

    private TabPane createResults() {
        findingList.setId("findingList");
        findingList.setCellFactory(list -> new FindingCell());
        stepList.setId("stepList");
        scriptArea.setId("scriptArea");
        scriptArea.setEditable(false);
        scriptArea.getStyleClass().add("code");
        Button copyScript = new Button("Copy script", new FontIcon(Feather.COPY));
        copyScript.setId("copyScriptButton");
        copyScript.setOnAction(e -> model.copyScript());
        VBox findings = new VBox(8, findingList, new Label("Applied steps"), stepList);
        VBox.setVgrow(findingList, Priority.ALWAYS);
        VBox script = new VBox(8, scriptArea, copyScript);
        VBox.setVgrow(scriptArea, Priority.ALWAYS);
        TabPane tabs = new TabPane(new Tab("Findings", findings), new Tab("mongosh script", script), new Tab("Teleport YAML", createYamlPane()));
        tabs.setId("resultTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private VBox createYamlPane() {
        yamlArea.setId("yamlArea");
        yamlArea.setEditable(false);
        yamlArea.getStyleClass().add("code");
        staticYaml.setId("staticYamlCheck");
        teleportDbName.setId("teleportDbNameField");
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

    private void bind() {
        roleName.textProperty().bindBidirectional(model.roleNameProperty());
        adminUser.textProperty().bindBidirectional(model.adminUserProperty());
        teleportDbName.textProperty().bindBidirectional(model.teleportDbNameProperty());
        scopeChosen.setSelected(model.leastPrivilegeProperty().get());
        scopeAll.setSelected(!model.leastPrivilegeProperty().get());
        model.leastPrivilegeProperty().bind(scopeChosen.selectedProperty());
        databaseList.setItems(model.databases().databases());
        // Shown only for least privilege: disabled, its greyed check boxes were all but invisible in the dark theme.
        databaseList.visibleProperty().bind(scopeChosen.selectedProperty());
        databaseList.managedProperty().bind(databaseList.visibleProperty());
        databaseAdvice.textProperty().bind(model.databases().adviceProperty());
        databaseAdvice.visibleProperty().bind(scopeChosen.selectedProperty());
        databaseAdvice.managedProperty().bind(databaseAdvice.visibleProperty());
        viewRole.selectedProperty().bindBidirectional(model.withViewRoleProperty());
        staticYaml.selectedProperty().bindBidirectional(model.staticYamlProperty());
        findingList.setItems(model.findings());
        stepList.setItems(model.steps());
        scriptArea.textProperty().bind(model.scriptProperty());
        yamlArea.textProperty().bind(model.teleportYamlProperty());
        status.textProperty().bind(model.statusProperty());
        // Findings from before the server stopped answering stay readable, visibly dimmed.
        javafx.css.PseudoClass staleState = javafx.css.PseudoClass.getPseudoClass("stale");
        model.staleProperty().addListener((obs, was, now) -> findingList.pseudoClassStateChanged(staleState, now));
        progress.visibleProperty().bind(model.busyProperty());
        verify.disableProperty().bind(model.busyProperty());
        apply.disableProperty().bind(model.busyProperty());
        verify.setOnAction(e -> model.verify());
        apply.setOnAction(e -> model.apply());
    }

    /** A finding with its consequence underneath, problems marked, wrapped at the list's width. */
    private static final class FindingCell extends ListCell<Finding> {
        private final Label text = new Label();

        FindingCell() {
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
        protected void updateItem(Finding finding, boolean empty) {
            super.updateItem(finding, empty);
            getStyleClass().removeAll("finding-problem", "finding-note");
            setText(null);
            if (empty || finding == null) {
                setGraphic(null);
                return;
            }
            getStyleClass().add(finding.isProblem() ? "finding-problem" : "finding-note");
            text.setGraphic(new FontIcon(finding.isProblem() ? Feather.ALERT_TRIANGLE : Feather.INFO));
            text.setText(finding.message() + (finding.consequence().isEmpty() ? "" : "\n" + finding.consequence()));
            setGraphic(text);
        }
    }
}
