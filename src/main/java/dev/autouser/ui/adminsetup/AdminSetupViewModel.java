package dev.autouser.ui.adminsetup;

import dev.autouser.ui.support.BackgroundWork;
import dev.autouser.core.teleport.DatabaseResource;
import dev.autouser.core.teleport.TeleportConfigException;
import dev.autouser.core.teleport.adminsetup.AdminRoleSpec;
import dev.autouser.core.teleport.adminsetup.AdminSetup;
import dev.autouser.core.teleport.adminsetup.Finding;
import dev.autouser.ui.support.Confirmation;
import dev.autouser.ui.support.DialogService;
import dev.autouser.ui.support.TextFiles;
import dev.autouser.ui.support.FxExecutors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The admin-setup wizard's state and verbs: the spec being edited, the server's findings, the
 * plan as a mongosh script, the applied steps, and the Teleport db resource YAML.
 */
public final class AdminSetupViewModel {
    private final AdminSetup setup;
    private final String connectionUri;
    private final DialogService dialogs;
    private final FxExecutors executors;
    private final BackgroundWork work;
    private final DatabaseChoice databases;

    private final StringProperty roleName = new SimpleStringProperty(AdminRoleSpec.DEFAULT_ROLE);
    private final StringProperty adminUser = new SimpleStringProperty(AdminRoleSpec.DEFAULT_ADMIN_USER);
    private final BooleanProperty leastPrivilege = new SimpleBooleanProperty(false);
    private final BooleanProperty withViewRole = new SimpleBooleanProperty(false);
    private final BooleanProperty staticYaml = new SimpleBooleanProperty(false);
    private final StringProperty teleportDbName = new SimpleStringProperty("mongodb");
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<String> steps = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper script = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Not checked yet: press Verify.");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    /** Why the server stopped answering ("" while it answers): the window's one health signal. */
    private final StringProperty serverTrouble = new SimpleStringProperty("");
    /** The findings shown were read before the server stopped answering. */
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(false);
    private final ObservableStringValue teleportYaml;
    /** True once findings are shown: they then follow the form. */
    private boolean checked;

    public AdminSetupViewModel(AdminSetup setup, DatabaseChoice databases, String connectionUri, DialogService dialogs, FxExecutors executors) {
        this.setup = setup;
        this.databases = databases;
        this.connectionUri = connectionUri;
        this.dialogs = dialogs;
        this.executors = executors;
        this.work = new BackgroundWork(executors, dialogs, busy);
        this.teleportYaml = Bindings.createStringBinding(this::yaml, adminUser, staticYaml, teleportDbName);
        // Findings judge one form of the role; once shown, they are recomputed when the form changes.
        leastPrivilege.addListener((obs, was, now) -> verifyAgainIfChecked());
        withViewRole.addListener((obs, was, now) -> verifyAgainIfChecked());
        serverTrouble.addListener((obs, was, now) -> {
            if (!now.isEmpty() && checked) {
                stale.set(true);
                status.set("Checked before the server stopped answering: these findings may be out of date.");
            } else if (now.isEmpty() && !was.isEmpty()) {
                verifyAgainIfChecked(); // back: the findings are read again
            }
        });
    }

    private void verifyAgainIfChecked() {
        if (!checked) {
            return;
        }
        if (leastPrivilege.get() && databases.chosen().isEmpty()) {
            findings.clear();
            status.set("Choose the databases for grantRole, then press Verify.");
        } else {
            verify();
        }
    }

    public StringProperty roleNameProperty() { return roleName; }
    public StringProperty adminUserProperty() { return adminUser; }
    public BooleanProperty leastPrivilegeProperty() { return leastPrivilege; }
    public BooleanProperty withViewRoleProperty() { return withViewRole; }
    public BooleanProperty staticYamlProperty() { return staticYaml; }
    public StringProperty teleportDbNameProperty() { return teleportDbName; }
    public DatabaseChoice databases() { return databases; }
    public ObservableList<Finding> findings() { return findings; }
    public ObservableList<String> steps() { return steps; }
    public ReadOnlyStringProperty scriptProperty() { return script.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ObservableStringValue teleportYamlProperty() { return teleportYaml; }
    /** Bound to the window's server health: "" while the server answers, else why it does not. */
    public StringProperty serverTroubleProperty() { return serverTrouble; }
    /** True while the findings shown were read before the server stopped answering. */
    public ReadOnlyBooleanProperty staleProperty() { return stale.getReadOnlyProperty(); }

    /** Lists the server's databases for the least-privilege choice. */
    public void loadDatabases() {
        work.run("List databases failed", databases.prepareLoad(), databases::show);
    }

    public void verify() {
        specOrError().ifPresent(spec -> work.run("Check the admin setup failed", () -> setup.verify(spec), this::show));
    }

    /** Verifies, shows the exact commands for confirmation, then applies them step by step. */
    public void apply() {
        specOrError().ifPresent(spec -> work.run("Check the admin setup failed", () -> setup.verify(spec), check -> {
            show(check);
            if (check.plan().isEmpty()) {
                dialogs.notify("Nothing to change: the setup already matches what Teleport needs.");
                return;
            }
            int count = check.plan().steps().size();
            Confirmation confirmation = new Confirmation("Apply the admin setup",
                    "These commands run on the server as the connected user and are written to the audit log.",
                    List.of(spec.roleName() + "@admin", spec.adminUser()), check.script(),
                    "Apply " + count + (count == 1 ? " change" : " changes"), false);
            if (dialogs.confirm(confirmation)) {
                steps.clear();
                work.run("Apply the admin setup failed", () -> setup.apply(spec, step -> executors.fx().execute(() -> steps.add(step.line()))),
                        applied -> show(applied.after()));
            }
        }));
    }

    public void copyScript() {
        dialogs.copyToClipboard(script.get());
        dialogs.notify("Copied the mongosh script.");
    }

    public void copyYaml() {
        dialogs.copyToClipboard(teleportYaml.get());
        dialogs.notify("Copied the Teleport configuration.");
    }

    public void saveYaml() {
        dialogs.chooseSaveFile("Save the Teleport configuration", staticYaml.get() ? "teleport-db-service.yaml" : "mongodb-db.yaml")
                .ifPresent(this::writeYaml);
    }

    private void writeYaml(Path file) {
        String text = teleportYaml.get();
        work.run("Could not save " + file, () -> TextFiles.write(file, text),
                saved -> dialogs.notify("Saved " + saved.getFileName() + "."));
    }

    private void show(AdminSetup.Check check) {
        checked = true;
        stale.set(false);
        findings.setAll(check.findings());
        script.set(check.script());
        long problems = check.findings().stream().filter(Finding::isProblem).count();
        status.set(check.matches() ? "The setup matches what Teleport needs."
                : problems == 1 ? "1 finding: Apply fixes it, or copy the script for someone who can."
                : problems + " findings: Apply fixes them, or copy the script for someone who can.");
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

    private String yaml() {
        try {
            DatabaseResource resource = new DatabaseResource(teleportDbName.get(), DatabaseResource.uriFor(connectionUri),
                    DatabaseResource.adminUserFromMongoName(adminUser.get()));
            return staticYaml.get() ? resource.toStaticYaml() : resource.toDynamicYaml();
        } catch (TeleportConfigException e) {
            return "# " + e.getMessage() + "\n";
        }
    }
}
