package dev.autouser.ui.adminsetup;

import dev.autouser.core.teleport.adminsetup.Finding;
import dev.autouser.ui.support.FxExecutors;
import dev.autouser.ui.support.RecordingDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminSetupViewModelTest {
    private final TeleportUiFixture fx = new TeleportUiFixture();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final AdminSetupViewModel model = new AdminSetupViewModel(fx.adminSetup(), fx.databases(List.of("readWrite@db1"), List.of()),
            fx.target.uri(), dialogs, FxExecutors.direct());

    AdminSetupViewModelTest() {
        model.roleNameProperty().set(fx.roleName);
        model.adminUserProperty().set(fx.adminUser);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void verifyOnAFreshServerListsTheMissingRoleAndUser() {
        model.verify();

        assertEquals(List.of(Finding.Kind.ROLE_MISSING, Finding.Kind.USER_MISSING), model.findings().stream().map(Finding::kind).toList());
        assertTrue(model.scriptProperty().get().contains("createRole: \"" + fx.roleName + "\""));
        assertEquals("2 findings: Apply fixes them, or copy the script for someone who can.", model.statusProperty().get());
    }

    @Test
    void applyAsksWithTheExactCommandsThenReportsEachStep() {
        model.apply();

        assertEquals("Apply 2 changes", dialogs.confirmations.get(0).actionLabel());
        assertTrue(dialogs.confirmations.get(0).commands().contains("createUser: \"" + fx.adminUser + "\""));
        assertEquals(List.of("done: createRole " + fx.roleName, "done: createUser " + fx.adminUser), model.steps());
        assertEquals("The setup matches what Teleport needs.", model.statusProperty().get());
    }

    @Test
    void declinedApplyChangesNothing() {
        dialogs.answerConfirm = false;

        model.apply();
        model.verify();

        assertEquals(Finding.Kind.ROLE_MISSING, model.findings().get(0).kind());
    }

    @Test
    void secondApplySaysNothingToChange() {
        model.apply();
        model.apply();

        assertEquals(1, dialogs.confirmations.size());
        assertEquals("Nothing to change: the setup already matches what Teleport needs.", dialogs.notices.get(dialogs.notices.size() - 1));
    }

    @Test
    void leastPrivilegeSuggestsTheMappingsDatabasesAndNeedsOne() {
        model.loadDatabases();
        model.leastPrivilegeProperty().set(true);

        assertTrue(model.databases().databases().contains("db1"));
        assertEquals(List.of("db1"), model.databases().chosen());
        model.databases().chosenProperty("db1").set(false);
        model.verify();
        assertEquals(List.of("Choose at least one database for grantRole, or grant it on all databases."), dialogs.errors);
    }

    @Test
    void leastPrivilegeCoversTheDatabasesOfRolesAutoUsersHold() {
        AdminSetupViewModel withUsers = new AdminSetupViewModel(fx.adminSetup(),
                fx.databases(List.of("readWrite@db1"), List.of("read@db2", "read@reporting")), "mongodb://localhost:27017",
                dialogs, FxExecutors.direct());

        withUsers.loadDatabases();

        assertEquals(List.of("db1", "db2", "reporting"), withUsers.databases().chosen());
        assertTrue(withUsers.databases().adviceProperty().get().startsWith("grantRole on db1, db2, reporting"));
    }

    @Test
    void aTemplateThatCanNameAnyDatabaseChoosesNothingAndSaysWhy() {
        AdminSetupViewModel templated = new AdminSetupViewModel(fx.adminSetup(),
                fx.databases(List.of("readWrite@db1", "{{internal.db_roles}}"), List.of("read@db2")), "mongodb://localhost:27017",
                dialogs, FxExecutors.direct());

        templated.loadDatabases();

        assertEquals(List.of(), templated.databases().chosen());
        assertEquals("Least privilege cannot be computed: {{internal.db_roles}} can name a role in any database, so grant"
                + " grantRole on all databases.", templated.databases().adviceProperty().get());
    }

    @Test
    void findingsAreRecomputedWhenTheFormChanges() {
        model.loadDatabases();
        model.apply();
        List<String> allDatabases = model.findings().stream().map(f -> f.message()).toList();

        model.leastPrivilegeProperty().set(true);

        assertTrue(model.findings().stream().anyMatch(f -> f.message().startsWith("extra grantRole on all databases")),
                "judged again as least privilege: " + model.findings() + " (before: " + allDatabases + ")");
    }

    @Test
    void teleportYamlFollowsTheFormAndIsSaved() throws Exception {
        Path file = Files.createTempFile("db", ".yaml");
        dialogs.saveFile = file;
        model.teleportDbNameProperty().set("orders");

        model.saveYaml();

        assertTrue(Files.readString(file).startsWith("kind: db\nversion: v3\nmetadata:\n  name: orders\n"));
        assertTrue(Files.readString(file).contains("name: teleport-admin-" + fx.id));
        model.staticYamlProperty().set(true);
        assertTrue(model.teleportYamlProperty().get().startsWith("db_service:"));
    }

    @Test
    void theRoleMappingsDatabasesAreReadOnTheFxThreadOnly() throws Exception {
        // given a background executor that is really another thread, and a record of who reads the
        // role mapping's databases (an FX-owned list in the console)
        java.util.concurrent.ExecutorService background = java.util.concurrent.Executors.newSingleThreadExecutor(
                r -> new Thread(r, "background-test"));
        java.util.concurrent.ExecutorService fxThread = java.util.concurrent.Executors.newSingleThreadExecutor(
                r -> new Thread(r, "fx-test"));
        List<String> readersOfTheMapping = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CompletableFuture<List<String>> shown = new java.util.concurrent.CompletableFuture<>();
        DatabaseChoice databases = new DatabaseChoice(fx.dbaRunner(), () -> {
            readersOfTheMapping.add(Thread.currentThread().getName());
            List<String> copied = List.of("readWrite@db1");
            return () -> dev.autouser.core.teleport.LeastPrivilegeDatabases.derive(copied, java.util.Map.of(), List.of());
        });
        AdminSetupViewModel threaded = new AdminSetupViewModel(fx.adminSetup(), databases, fx.target.uri(), dialogs,
                new FxExecutors(background, fxThread));
        databases.databases().addListener((javafx.collections.ListChangeListener<String>) change ->
                shown.complete(List.copyOf(databases.databases())));
        try {
            // when the databases are listed
            threaded.loadDatabases();

            // then the server's databases arrive, and the mapping was never read off the calling thread
            assertTrue(shown.get(60, java.util.concurrent.TimeUnit.SECONDS).contains("db1"));
            assertTrue(readersOfTheMapping.stream().noneMatch("background-test"::equals), readersOfTheMapping.toString());
        } finally {
            background.shutdownNow();
            fxThread.shutdownNow();
        }
    }
}
