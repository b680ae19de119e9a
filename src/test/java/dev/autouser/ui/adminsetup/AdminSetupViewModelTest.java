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
    private final AdminSetupViewModel model = new AdminSetupViewModel(fx.adminSetup(), fx.databases(List.of("db1")),
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
}
