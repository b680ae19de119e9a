package dev.autouser.ui.adminsetup;

import atlantafx.base.theme.Styles;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;

/** MongoDB's admin-setup page: the role and user, where grantRole applies, viewRole; the rest is the shared frame. */
public final class AdminSetupView extends BorderPane {
    private final AdminSetupViewModel model;
    private final TextField roleName = new TextField();
    private final TextField adminUser = new TextField();
    private final RadioButton scopeAll = new RadioButton("grantRole on all databases (Teleport's documented form)");
    private final RadioButton scopeChosen = new RadioButton("grantRole only on the databases owning the mapped roles (least privilege)");
    private final ListView<String> databaseList = new ListView<>();
    private final Label databaseAdvice = new Label();
    private final CheckBox viewRole = new CheckBox("Also grant viewRole (read-only)");

    public AdminSetupView(AdminSetupViewModel model) {
        this.model = model;
        GridPane names = new GridPane();
        names.setHgap(8);
        names.setVgap(6);
        names.addRow(0, new Label("Role (in admin)"), roleName, new Label("Admin user (in $external)"), adminUser);
        Label viewRoleHelp = new Label("Teleport does not need viewRole. With it, this console can check that your role mapping's"
                + " db_roles name roles that exist (rolesInfo); without it, validation says it cannot check.");
        viewRoleHelp.setWrapText(true);
        viewRoleHelp.getStyleClass().add(Styles.TEXT_MUTED);
        createForm();
        bind();
        AdminSetupFrame.build(this, model, "Teleport admin setup", names, scopeAll, scopeChosen, databaseList, databaseAdvice,
                viewRole, viewRoleHelp);
    }

    private void createForm() {
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
    }

    private void bind() {
        roleName.textProperty().bindBidirectional(model.roleNameProperty());
        adminUser.textProperty().bindBidirectional(model.adminUserProperty());
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
    }
}
