package dev.autouser.ui.rolemapping;

import dev.autouser.core.teleport.CreateDbUserMode;
import dev.autouser.core.teleport.RoleProblem;
import dev.autouser.core.teleport.ServerRoleCatalog;
import dev.autouser.core.teleport.GatewayCommandRunner;
import dev.autouser.core.teleport.SessionPreviewer;
import dev.autouser.core.teleport.SessionSimulator;
import dev.autouser.core.teleport.TeleportRole;
import dev.autouser.core.provisioning.TeleportProvisioner;
import dev.autouser.core.mongo.ConnectionProfile;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.mongo.Secrets;
import dev.autouser.ui.support.FxExecutors;
import dev.autouser.ui.support.RecordingDialogs;
import dev.autouser.ui.adminsetup.TeleportUiFixture;
import dev.autouser.testsupport.MongoTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoleMappingViewModelTest {
    private static final String TCTL_ROLE = """
            kind: role
            metadata:
              name: data-team
              revision: 3c1f0f5e
            spec:
              allow:
                db_labels:
                  env: prod
                db_names:
                - analytics
                db_roles:
                - read@analytics
                logins:
                - '{{internal.logins}}'
              options:
                create_db_user_mode: best_effort_drop
                max_session_ttl: 8h0m0s
            version: v7
            """;

    private final TeleportUiFixture fx = new TeleportUiFixture();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final RoleMappingViewModel model = new RoleMappingViewModel(new ServerRoleCatalog(fx.dbaRunner()), dialogs, FxExecutors.direct());

    @AfterEach
    void tearDown() {
        fx.dropUser("CN=alice-" + fx.id);
        fx.close();
    }

    @Test
    void aMisspelledRoleGetsItsSuggestionOnItsEntry() {
        model.addAllowRole("readwrite@db1");

        List<RoleProblem> onEntry = model.problemsFor("readwrite@db1");
        assertEquals(1, onEntry.size());
        assertEquals("no such role — did you mean `readWrite`?", onEntry.get(0).message());
        assertTrue(model.summaryProperty().get().startsWith("1 error"));
    }

    @Test
    void templatesExpandFromSampleTraitsAndProblemsLandOnTheTemplate() {
        model.sampleTraitsProperty().set("db_roles=dbadmin@db1");

        assertEquals("no such role — did you mean `dbAdmin`?", model.problemsFor("{{internal.db_roles}}").get(0).message());
    }

    @Test
    void importEditExportKeepsFieldsTheEditorDoesNotShow() throws Exception {
        Path in = Files.createTempFile("role", ".yaml");
        Files.writeString(in, TCTL_ROLE);
        Path out = Files.createTempFile("role-out", ".yaml");
        dialogs.openFile = in;
        dialogs.saveFile = out;

        model.importFile();
        model.modeProperty().set(CreateDbUserMode.KEEP);
        model.addAllowRole("readWrite@db1");
        model.exportFile();

        TeleportRole exported = TeleportRole.parse(Files.readString(out), "out");
        assertEquals(CreateDbUserMode.KEEP, exported.mode());
        assertEquals(List.of("read@analytics", "readWrite@db1"), exported.allowDbRoles());
        assertEquals("8h0m0s", exported.tree().at("/spec/options/max_session_ttl").asText());
        assertEquals("{{internal.logins}}", exported.tree().at("/spec/allow/logins/0").asText());
        assertEquals("3c1f0f5e", exported.tree().at("/metadata/revision").asText());
    }

    @Test
    void importOfAnInvalidFileIsOneSentenceAndKeepsTheEdits() throws Exception {
        Path in = Files.createTempFile("role", ".yaml");
        Files.writeString(in, "kind: db\nmetadata: {name: x}\n");
        dialogs.openFile = in;
        model.addAllowRole("read@db1");

        model.importFile();

        assertTrue(dialogs.errors.get(0).contains("holds no Teleport role"), dialogs.errors.toString());
        assertTrue(model.allowRoles().contains("read@db1"));
    }

    @Test
    void previewAndSimulationRunThroughTheCore() {
        MongoTarget t = fx.target;
        try (MongoGateway admin = MongoGateway.connect(ConnectionProfile.x509(t.uri(), t.caFile(), t.clientFile(MongoTarget.TELEPORT_ADMIN)),
                Secrets.none(), Duration.ofSeconds(10))) {
            SessionPreviewModel session = new SessionPreviewModel(model, new SessionPreviewer(fx.dbaRunner()),
                    new SessionSimulator(new TeleportProvisioner(admin, fx.audit), new SessionPreviewer(new GatewayCommandRunner(admin))), dialogs, FxExecutors.direct());
            model.sampleTraitsProperty().set("db_roles=read@db2");
            session.userProperty().set("alice-" + fx.id);

            session.preview();
            session.simulate();

            assertTrue(session.previewProperty().get().startsWith("MongoDB user: CN=alice-" + fx.id + " in $external (mode keep)\nRoles: readWrite@db1, read@db2\n"),
                    session.previewProperty().get());
            assertEquals("Simulate session for CN=alice-" + fx.id, dialogs.confirmations.get(0).actionLabel());
            assertTrue(dialogs.confirmations.get(0).message().startsWith("SIMULATION"));
            assertEquals(List.of("session start (activate): created", "session end (deactivate, keep mode): deactivated (roles removed, locked)",
                    "Simulation finished as Teleport's admin CN=teleport-admin@$external: Teleport can run this session end to end."),
                    session.simulationSteps());
        }
    }

    @Test
    void aSimulationWithTheAdminCertificateRunsAsTeleportsAdminThroughTheCliPath() {
        MongoTarget t = fx.target;
        ConnectionProfile asDba = ConnectionProfile.x509(t.uri(), t.caFile(), t.clientFile(MongoTarget.DBA));
        try (MongoGateway dba = MongoGateway.connect(asDba, Secrets.none(), Duration.ofSeconds(10))) {
            SessionPreviewModel session = new SessionPreviewModel(model, new SessionPreviewer(fx.dbaRunner()),
                    SessionSimulator.on(dba, fx.audit), new AdminLogin() {
                        @Override
                        public <T> T simulate(Path adminPem, java.util.function.Function<SessionSimulator, T> work) {
                            return dev.autouser.core.teleport.TeleportAdminLogin.simulate(asDba, adminPem, Duration.ofSeconds(10),
                                    fx.audit, work);
                        }
                    }, dialogs, FxExecutors.direct());
            session.userProperty().set("amir-" + fx.id);
            dialogs.openFile = t.clientFile(MongoTarget.TELEPORT_ADMIN);

            session.chooseAdminCertificate();
            session.simulate();

            assertTrue(dialogs.confirmations.get(0).message().contains("as CN=teleport-admin@$external"),
                    dialogs.confirmations.get(0).message());
            assertEquals("Simulation finished as Teleport's admin CN=teleport-admin@$external: Teleport can run this session end to end.",
                    session.simulationSteps().get(session.simulationSteps().size() - 1));
        }
    }

    @Test
    void aSimulationWithoutTheAdminCertificateSaysItRanAsTheConnectedIdentity() {
        MongoTarget t = fx.target;
        try (MongoGateway dba = MongoGateway.connect(ConnectionProfile.x509(t.uri(), t.caFile(), t.clientFile(MongoTarget.DBA)),
                Secrets.none(), Duration.ofSeconds(10))) {
            SessionPreviewModel session = new SessionPreviewModel(model, new SessionPreviewer(fx.dbaRunner()),
                    SessionSimulator.on(dba, fx.audit), dialogs, FxExecutors.direct());
            session.userProperty().set("amira-" + fx.id);

            session.simulate();

            assertTrue(dialogs.confirmations.get(0).message().contains("as CN=dba@$external"), dialogs.confirmations.get(0).message());
            String verdict = session.simulationSteps().get(session.simulationSteps().size() - 1);
            assertTrue(verdict.contains("CN=dba@$external") && !verdict.contains("Teleport's admin CN="), verdict);
        }
    }

    @Test
    void importLooksForYamlFiles() {
        model.importFile();

        assertEquals(List.of(dev.autouser.ui.support.FileKind.YAML), dialogs.openKinds);
    }

    @Test
    void exportOfARoleWithErrorsAsksFirstAndWritesNothingWhenDeclined() throws Exception {
        model.addAllowRole("readwrite@db1");
        Path out = Files.createTempFile("role-out", ".yaml");
        Files.delete(out);
        dialogs.saveFile = out;
        dialogs.answerConfirm = false;

        model.exportFile();

        assertEquals(1, dialogs.confirmations.size());
        assertEquals("Export with 1 error", dialogs.confirmations.get(0).actionLabel());
        assertEquals(List.of("Error — `readwrite@db1`: no such role — did you mean `readWrite`?"),
                dialogs.confirmations.get(0).subjects());
        assertTrue(Files.notExists(out), "declined: nothing written");
    }

    @Test
    void theDidYouMeanSuggestionIsAppliedInPlaceInOneStep() {
        model.addAllowRole("readwrite@db2");
        assertEquals(java.util.Optional.of("readWrite@db2"), model.suggestionFor("readwrite@db2"));

        model.applySuggestion("readwrite@db2");

        assertEquals(List.of("readWrite@db1", "{{internal.db_roles}}", "readWrite@db2"), List.copyOf(model.allowRoles()));
        assertTrue(model.problemsFor("readWrite@db2").isEmpty(), model.problems().toString());
    }
}
