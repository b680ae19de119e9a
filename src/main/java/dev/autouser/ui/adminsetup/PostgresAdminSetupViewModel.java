package dev.autouser.ui.adminsetup;

import dev.autouser.core.ConsoleException;
import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.audit.AuditTrail;
import dev.autouser.core.postgres.PostgresGateway;
import dev.autouser.core.postgres.PostgresUri;
import dev.autouser.core.postgres.admin.PostgresAdminSetup;
import dev.autouser.core.teleport.PostgresDatabaseResource;
import dev.autouser.core.teleport.TeleportConfigException;
import dev.autouser.ui.support.Confirmation;
import dev.autouser.ui.support.DialogService;
import dev.autouser.ui.support.FxExecutors;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL's admin-setup page, over the core the CLI's {@code admin-setup} uses: Teleport's admin
 * role ({@code LOGIN CREATEROLE}, {@code teleport-auto-user} WITH ADMIN OPTION on 16+), ssl and
 * pg_hba.conf checked, the SQL that fixes what SQL can fix shown and confirmed before it runs, and
 * Teleport's {@code db} resource ({@code protocol: postgres}).
 */
public final class PostgresAdminSetupViewModel extends AdminSetupPageModel<PostgresFinding> {
    private final PostgresGateway gateway;
    private final AuditLog audit;

    private final StringProperty adminRole = new SimpleStringProperty("teleport-admin");
    /** admin_user.default_database: "" leaves it out (Teleport then uses the session's database). */
    private final StringProperty defaultDatabase = new SimpleStringProperty("");

    public PostgresAdminSetupViewModel(PostgresGateway gateway, AuditLog audit, DialogService dialogs, FxExecutors executors) {
        super("postgres", "SQL", "postgres-db.yaml", dialogs, executors);
        this.gateway = gateway;
        this.audit = audit;
        yamlFollows(adminRole, defaultDatabase);
    }

    public StringProperty adminRoleProperty() { return adminRole; }
    public StringProperty defaultDatabaseProperty() { return defaultDatabase; }

    /** The database pg_hba.conf is matched for: the default database when given, else the connected one. */
    public String checkedDatabase() {
        return defaultDatabase.get().isBlank() ? gateway.facts().database() : defaultDatabase.get().strip();
    }

    @Override
    public void verify() {
        setupOrError().ifPresent(setup -> work.run("Check the admin setup failed", setup::check, this::show));
    }

    @Override
    public void apply() {
        setupOrError().ifPresent(setup -> work.run("Check the admin setup failed", setup::check, check -> {
            show(check);
            if (check.plan().isEmpty()) {
                dialogs.notify(check.matches() ? "Nothing to change: the setup already matches what Teleport needs."
                        : "Nothing SQL can change: what is left needs a change on the server itself (see the findings).");
                return;
            }
            String admin = adminRole.get().strip();
            Confirmation confirmation = new Confirmation("Apply the admin setup",
                    "These SQL statements run on the server as " + gateway.identity()
                            + ", one by one, and are written to the audit log.",
                    List.of(admin), check.script(), "Apply " + changes(check.plan().size()), false);
            if (!dialogs.confirm(confirmation)) {
                return;
            }
            steps().clear();
            AuditTrail trail = new AuditTrail(audit, gateway.server(), gateway.identity());
            work.run("Apply the admin setup failed",
                    () -> setup.apply(check, trail, sql -> executors.fx().execute(() -> steps().add("sent: " + sql))),
                    this::show, failure -> {
                        dialogs.showError(dev.autouser.ui.support.ErrorText.sentence("Apply the admin setup failed", failure), failure);
                        verify(); // what did run is on the server: show where it stands now
                    });
        }));
    }

    @Override
    public boolean isProblem(PostgresFinding finding) {
        return finding.problem();
    }

    @Override
    public String describe(PostgresFinding finding) {
        return finding.text();
    }

    private void show(PostgresAdminSetup.Check check) {
        List<PostgresFinding> found = new ArrayList<>();
        check.problems().forEach(p -> found.add(new PostgresFinding(true, p)));
        check.notes().forEach(n -> found.add(new PostgresFinding(false, n)));
        int problems = check.problems().size();
        String count = problems + (problems == 1 ? " finding" : " findings");
        showFindings(found, check.script(), check.matches() ? (check.hbaChecked() ? "The setup matches what Teleport needs."
                        : "No problems found, but pg_hba.conf was not checked: this login may not read its rules (see the list).")
                : check.plan().isEmpty() ? count + " that SQL cannot fix: " + (problems == 1 ? "it needs" : "they need")
                        + " a change on the server itself (see the list)."
                : count + ": Apply runs " + check.plan().size() + " SQL " + (check.plan().size() == 1 ? "statement" : "statements")
                        + ", or copy the SQL for someone who can.", check.plan().size());
    }

    private Optional<PostgresAdminSetup> setupOrError() {
        try {
            return Optional.of(new PostgresAdminSetup(gateway, adminRole.get() == null ? "" : adminRole.get().strip(), checkedDatabase()));
        } catch (ConsoleException e) {
            dialogs.showError(e.getMessage(), e);
            return Optional.empty();
        }
    }

    @Override
    protected String yaml() {
        try {
            String host = PostgresUri.parse(gateway.profile().uri()).hosts().get(0).toString();
            String db = defaultDatabase.get() == null ? "" : defaultDatabase.get().strip();
            PostgresDatabaseResource resource = new PostgresDatabaseResource(teleportDbNameProperty().get(), host,
                    adminRole.get() == null ? "" : adminRole.get().strip(), db.isEmpty() ? Optional.empty() : Optional.of(db));
            return staticYamlProperty().get() ? resource.toStaticYaml() : resource.toDynamicYaml();
        } catch (TeleportConfigException e) {
            return "# " + e.getMessage() + "\n";
        }
    }
}
