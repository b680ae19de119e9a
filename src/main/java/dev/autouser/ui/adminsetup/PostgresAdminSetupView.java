package dev.autouser.ui.adminsetup;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;

/** PostgreSQL's admin-setup page: Teleport's admin role and its default database; the rest is the shared frame. */
public final class PostgresAdminSetupView extends BorderPane {
    public PostgresAdminSetupView(PostgresAdminSetupViewModel model) {
        TextField adminRole = new TextField();
        adminRole.setId("adminRoleField");
        adminRole.textProperty().bindBidirectional(model.adminRoleProperty());
        TextField defaultDatabase = new TextField();
        defaultDatabase.setId("defaultDatabaseField");
        defaultDatabase.setPromptText("the session's database");
        defaultDatabase.textProperty().bindBidirectional(model.defaultDatabaseProperty());
        GridPane names = new GridPane();
        names.setHgap(8);
        names.setVgap(6);
        names.addRow(0, new Label("Admin role (admin_user.name)"), adminRole, new Label("Default database"), defaultDatabase);
        Label help = new Label("Checks Teleport's admin role (LOGIN, CREATEROLE, and teleport-auto-user WITH ADMIN OPTION"
                + " on PostgreSQL 16+), ssl, and the pg_hba.conf lines the admin matches for the default database (or the"
                + " connected one).");
        help.setWrapText(true);
        help.getStyleClass().add(Styles.TEXT_MUTED);
        AdminSetupFrame.build(this, model, "Teleport admin setup (PostgreSQL)", names, help);
    }
}
