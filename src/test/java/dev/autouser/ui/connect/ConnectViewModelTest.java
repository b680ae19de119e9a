package dev.autouser.ui.connect;

import dev.autouser.core.mongo.AuthMechanism;
import dev.autouser.core.mongo.ConnectionProfile;
import dev.autouser.core.mongo.ProfileStore;
import dev.autouser.testsupport.MongoTarget;
import dev.autouser.ui.support.ConsoleSession;
import dev.autouser.ui.support.FxExecutors;
import dev.autouser.ui.support.RecordingDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The connect form without a toolkit, connecting for real to the TLS sandbox. */
class ConnectViewModelTest {
    @TempDir
    Path dir;
    private final MongoTarget target = MongoTarget.sandbox();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final List<ConsoleSession> opened = new ArrayList<>();

    private ConnectViewModel model() {
        return new ConnectViewModel(new ProfileStore(dir.resolve("profiles.json")),
                new GatewayConnector(() -> { throw new AssertionError("no demo here"); }), dialogs,
                FxExecutors.direct(), opened::add);
    }

    @AfterEach
    void close() {
        opened.forEach(ConsoleSession::close);
    }

    private void fillDba(ConnectViewModel model) {
        model.uriProperty().set(target.uri());
        model.caFileProperty().set(target.caFile().toString());
        model.certFileProperty().set(target.clientFile(MongoTarget.DBA).toString());
        model.authProperty().set(AuthMechanism.X509);
    }

    @Test
    void startingTheDemoSaysSoWhileItStarts() {
        java.util.concurrent.atomic.AtomicReference<ConnectViewModel> model = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<String> shownWhileStarting = new java.util.concurrent.atomic.AtomicReference<>();
        model.set(new ConnectViewModel(new ProfileStore(dir.resolve("profiles.json")), new GatewayConnector(() -> {
            shownWhileStarting.set(model.get().resultProperty().get());
            throw new dev.autouser.core.ConsoleException("port taken");
        }), dialogs, FxExecutors.direct(), session -> { }));

        model.get().startDemo();

        assertTrue(shownWhileStarting.get().startsWith("Starting the demo server on this machine"), shownWhileStarting.get());
    }

    @Test
    void choosingTheCertificateShowsTheX509UserName() {
        ConnectViewModel model = model();

        model.certFileProperty().set(target.clientFile(MongoTarget.DBA).toString());

        assertEquals("MongoDB user: CN=dba in $external", model.subjectProperty().get());
    }

    @Test
    void testConnectionReportsWhoWeAreAndTheServerThenCloses() {
        ConnectViewModel model = model();
        fillDba(model);

        model.testConnection();

        assertTrue(model.resultOkProperty().get(), model.resultProperty().get());
        assertTrue(model.resultProperty().get().contains("as CN=dba@$external"), model.resultProperty().get());
        assertTrue(model.resultProperty().get().contains("MongoDB 7.0.14"), model.resultProperty().get());
        assertTrue(opened.isEmpty(), "a test does not open the console");
    }

    @Test
    void testConnectionSaysWhatTheIdentityMayAndMayNotDo() {
        ConnectViewModel model = model();
        fillDba(model);
        model.certFileProperty().set(target.clientFile(MongoTarget.TELEPORT_ADMIN).toString());

        model.testConnection();

        String said = model.resultProperty().get();
        assertTrue(said.contains("This identity may list auto-users, lock auto-users, drop auto-users"), said);
        assertTrue(said.matches("(?s).*it may not [^;]*validate[^;]*\\(missing [^)]*viewRole.*"), said);
    }

    @Test
    void testConnectionAsRootSaysItMayDoEverything() {
        ConnectViewModel model = model();
        fillDba(model);

        model.testConnection();

        String said = model.resultProperty().get();
        assertTrue(said.contains("This identity may list auto-users") && !said.contains("may not"), said);
    }

    @Test
    void connectHandsTheSessionOver() {
        ConnectViewModel model = model();
        fillDba(model);

        model.connect();

        assertEquals(1, opened.size());
        assertEquals("CN=dba@$external", opened.get(0).identityLabel());
    }

    @Test
    void aFailedConnectionIsOneSentenceInTheFormAndADialog() {
        ConnectViewModel model = model();
        fillDba(model);
        model.certFileProperty().set(target.clientFile("nobody-" + System.nanoTime()).toString());

        model.connect();

        assertFalse(model.resultOkProperty().get());
        assertEquals(1, dialogs.errors.size());
        assertEquals(model.resultProperty().get(), dialogs.errors.get(0));
        assertFalse(model.resultProperty().get().contains("\n"));
        assertTrue(opened.isEmpty());
    }

    @Test
    void savedProfilesKeepNoPassword() throws Exception {
        ConnectViewModel model = model();
        model.nameProperty().set("prod");
        model.uriProperty().set("mongodb://db.example:27017/?tls=true");
        model.authProperty().set(AuthMechanism.SCRAM);
        model.usernameProperty().set("dba");
        model.passwordProperty().set("s3cret-pass");

        model.save();

        String saved = Files.readString(dir.resolve("profiles.json"));
        assertFalse(saved.contains("s3cret-pass"), saved);
        assertEquals(List.of("prod"), model.profiles().stream().map(ConnectionProfile::name).toList());
        ConnectViewModel reopened = model();
        reopened.loadProfiles();
        reopened.edit(reopened.profiles().get(0));
        assertEquals("dba", reopened.usernameProperty().get());
        assertEquals("", reopened.passwordProperty().get());
    }

    @Test
    void warningsAppearForAtlasDocumentDbAndTlsVerificationOff() {
        ConnectViewModel model = model();

        model.uriProperty().set("mongodb+srv://cluster0.abcde.mongodb.net/");
        assertEquals(List.of(ConnectionWarnings.ATLAS), List.copyOf(model.warnings()));
        model.uriProperty().set("mongodb://docs.cluster-1.eu-west-1.docdb.amazonaws.com:27017/?tls=true");
        assertEquals(List.of(ConnectionWarnings.DOCUMENTDB), List.copyOf(model.warnings()));
        model.tlsAllowInvalidProperty().set(true);
        assertTrue(model.warnings().contains(ConnectionWarnings.TLS_OFF));
    }

    @Test
    void droppedPemFilesLandInTheirFields() {
        ConnectViewModel model = model();
        Path client = target.clientFile(MongoTarget.DBA);

        model.acceptDroppedFiles(List.of(target.caFile(), client));

        assertEquals(target.caFile().toString(), model.caFileProperty().get());
        assertEquals(client.toString(), model.certFileProperty().get());
    }

    @Test
    void aDroppedFileThatIsNotPemIsRefusedInOneSentence() throws Exception {
        ConnectViewModel model = model();
        Path notes = Files.writeString(dir.resolve("notes.txt"), "hello");

        model.acceptDroppedFiles(List.of(notes));

        assertEquals(List.of("notes.txt is not a PEM file: it has no \"-----BEGIN\" line."), dialogs.errors);
        assertEquals("", model.caFileProperty().get());
    }

    @Test
    void firstRunWelcomesUntilANewConnectionIsStarted() {
        ConnectViewModel model = model();

        model.loadProfiles();
        assertTrue(model.welcomeProperty().get(), "no saved profile: a first run");

        model.newConnection();
        assertFalse(model.welcomeProperty().get());
        assertEquals("", model.nameProperty().get());
    }

    @Test
    void aSavedProfileMeansNoWelcome() {
        ConnectViewModel model = model();
        fillDba(model);
        model.nameProperty().set("prod");
        model.save();

        ConnectViewModel reopened = model();
        reopened.loadProfiles();

        assertFalse(reopened.welcomeProperty().get());
    }

    @Test
    void connectingFromTheWelcomeLeavesIt() {
        ConnectViewModel model = model();
        model.loadProfiles();
        fillDba(model);

        model.connect();

        assertEquals(1, opened.size(), model.resultProperty().get());
        assertFalse(model.welcomeProperty().get());
    }
}
