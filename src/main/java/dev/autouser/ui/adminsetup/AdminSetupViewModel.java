package dev.autouser.ui.adminsetup;

import dev.autouser.core.teleport.DatabaseResource;
import dev.autouser.core.teleport.TeleportConfigException;
import dev.autouser.core.teleport.adminsetup.AdminRoleSpec;
import dev.autouser.core.teleport.adminsetup.AdminSetup;
import dev.autouser.core.teleport.adminsetup.Finding;
import dev.autouser.ui.support.Confirmation;
import dev.autouser.ui.support.DialogService;
import dev.autouser.ui.support.FxExecutors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.Optional;

/**
 * MongoDB's admin-setup page: the admin role and user being edited (all databases or chosen ones,
 * optional viewRole), the server's findings, the plan as a mongosh script, the applied steps, and
 * the Teleport db resource YAML.
 */
public final class AdminSetupViewModel extends AdminSetupPageModel<Finding> {
    private final AdminSetup setup;
    private final String connectionUri;
    private final DatabaseChoice databases;

    private final StringProperty roleName = new SimpleStringProperty(AdminRoleSpec.DEFAULT_ROLE);
    private final StringProperty adminUser = new SimpleStringProperty(AdminRoleSpec.DEFAULT_ADMIN_USER);
    private final BooleanProperty leastPrivilege = new SimpleBooleanProperty(false);
    private final BooleanProperty withViewRole = new SimpleBooleanProperty(false);

    public AdminSetupViewModel(AdminSetup setup, DatabaseChoice databases, String connectionUri, DialogService dialogs, FxExecutors executors) {
        super("mongodb", "mongosh script", "mongodb-db.yaml", dialogs, executors);
        this.setup = setup;
        this.databases = databases;
        this.connectionUri = connectionUri;
        yamlFollows(adminUser);
        // Findings judge one form of the role; once shown, they are recomputed when the form changes.
        leastPrivilege.addListener((obs, was, now) -> verifyAgainIfChecked());
        withViewRole.addListener((obs, was, now) -> verifyAgainIfChecked());
    }

    @Override
    protected void verifyAgainIfChecked() {
        if (isChecked() && leastPrivilege.get() && databases.chosen().isEmpty()) {
            findings().clear();
            status.set("Choose the databases for grantRole, then press Verify.");
        } else {
            super.verifyAgainIfChecked();
        }
    }

    public StringProperty roleNameProperty() { return roleName; }
    public StringProperty adminUserProperty() { return adminUser; }
    public BooleanProperty leastPrivilegeProperty() { return leastPrivilege; }
    public BooleanProperty withViewRoleProperty() { return withViewRole; }
    public DatabaseChoice databases() { return databases; }

    /** Lists the server's databases for the least-privilege choice, and checks the setup. */
    @Override
    public void open() {
        loadDatabases();
        super.open();
    }

    /** Lists the server's databases for the least-privilege choice. */
    public void loadDatabases() {
        work.run("List databases failed", databases.prepareLoad(), databases::show);
    }

    @Override
    public void verify() {
        specOrError().ifPresent(spec -> work.run("Check the admin setup failed", () -> setup.verify(spec), this::show));
    }

    @Override
    public void apply() {
        specOrError().ifPresent(spec -> work.run("Check the admin setup failed", () -> setup.verify(spec), check -> {
            show(check);
            if (check.plan().isEmpty()) {
                dialogs.notify("Nothing to change: the setup already matches what Teleport needs.");
                return;
            }
            Confirmation confirmation = new Confirmation("Apply the admin setup",
                    "These commands run on the server as the connected user and are written to the audit log.",
                    List.of(spec.roleName() + "@admin", spec.adminUser()), check.script(),
                    "Apply " + changes(check.plan().steps().size()), false);
            if (dialogs.confirm(confirmation)) {
                steps().clear();
                work.run("Apply the admin setup failed", () -> setup.apply(spec, step -> executors.fx().execute(() -> steps().add(step.line()))),
                        applied -> show(applied.after()));
            }
        }));
    }

    @Override
    public boolean isProblem(Finding finding) {
        return finding.isProblem();
    }

    @Override
    public String describe(Finding finding) {
        return finding.message() + (finding.consequence().isEmpty() ? "" : "\n" + finding.consequence());
    }

    private void show(AdminSetup.Check check) {
        long problems = check.findings().stream().filter(Finding::isProblem).count();
        showFindings(check.findings(), check.script(), check.matches() ? "The setup matches what Teleport needs."
                : problems == 1 ? "1 finding: Apply fixes it, or copy the script for someone who can."
                : problems + " findings: Apply fixes them, or copy the script for someone who can.",
                check.plan().steps().size());
    }

    private Optional<AdminRoleSpec> specOrError() {
        if (leastPrivilege.get() && databases.chosen().isEmpty()) {
            dialogs.showError("Choose at least one database for grantRole, or grant it on all databases.", null);
            return Optional.empty();
        }
        try {
            return Optional.of(new AdminRoleSpec(roleName.get(), adminUser.get(),
                    leastPrivilege.get() ? databases.chosen() : List.of(), withViewRole.get()));
        } catch (IllegalArgumentException e) {
            dialogs.showError(e.getMessage(), e);
            return Optional.empty();
        }
    }

    @Override
    protected String yaml() {
        try {
            DatabaseResource resource = new DatabaseResource(teleportDbNameProperty().get(), DatabaseResource.uriFor(connectionUri),
                    DatabaseResource.adminUserFromMongoName(adminUser.get()));
            return staticYamlProperty().get() ? resource.toStaticYaml() : resource.toDynamicYaml();
        } catch (TeleportConfigException e) {
            return "# " + e.getMessage() + "\n";
        }
    }
}
