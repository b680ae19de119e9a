package dev.autouser.ui.connect;

import dev.autouser.core.engine.Engine;
import dev.autouser.core.mongo.AuthMechanism;
import dev.autouser.core.mongo.ProfileStore;
import dev.autouser.testsupport.PostgresTarget;
import dev.autouser.ui.support.ConsoleSession;
import dev.autouser.ui.support.FxExecutors;
import dev.autouser.ui.support.RecordingDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Connect page with a postgresql:// URI against the shared embedded PostgreSQL. */
class PostgresConnectViewModelTest {
    @TempDir
    Path dir;
    private final PostgresTarget target = PostgresTarget.shared();
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
        model.certFileProperty().set(target.certFile(PostgresTarget.DBA).toString());
        model.keyFileProperty().set(target.keyFile(PostgresTarget.DBA).toString());
        model.authProperty().set(AuthMechanism.X509);
    }

    @Test
    void testConnectionSaysWhoWhereWhichVersionAndWhatThisIdentityMayDo() {
        ConnectViewModel model = model();
        fillDba(model);

        model.testConnection();

        String said = model.resultProperty().get();
        assertTrue(said.startsWith("Connected to " + target.host() + ":" + target.port() + "/postgres as dba · PostgreSQL "),
                said);
        // dba is the fixture's superuser: PostgresFacts' lines, which PostgresPermissionsTest holds against the server
        assertTrue(said.contains("This identity may list auto-users and who is connected"), said);
        assertTrue(said.contains("lock and drop auto-users (superuser)"), said);
        assertTrue(opened.isEmpty(), "a test opens no session");
    }

    @Test
    void theCertificatesCnIsNamedAsThePostgresqlUser() {
        ConnectViewModel model = model();
        fillDba(model);

        assertEquals("PostgreSQL user: dba (the certificate's CN, unless the URI names a user)", model.subjectProperty().get());
        assertEquals(Engine.POSTGRESQL, model.engineProperty().getValue());
    }

    @Test
    void aSavedPostgresqlProfileKeepsItsUriAndFilesAndConnectsAgain() {
        ConnectViewModel model = model();
        fillDba(model);
        model.nameProperty().set("pg-prod");
        model.save();
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());

        ConnectViewModel reopened = model();
        reopened.loadProfiles();
        var saved = reopened.profiles().stream().filter(p -> p.name().equals("pg-prod")).findFirst().orElseThrow();
        reopened.edit(saved);
        reopened.connect();

        assertEquals(1, opened.size(), dialogs.errors.toString());
        assertEquals(Engine.POSTGRESQL, opened.get(0).engine());
        assertEquals(target.keyFile(PostgresTarget.DBA), opened.get(0).profile().tlsKeyFile().orElseThrow());
    }

    @Test
    void aUsernameFieldForPostgresqlIsRefusedInOneSentence() {
        ConnectViewModel model = model();
        model.uriProperty().set(target.uri());
        model.caFileProperty().set(target.caFile().toString());
        model.authProperty().set(AuthMechanism.SCRAM);
        model.usernameProperty().set("dba");
        model.passwordProperty().set("secret");

        model.connect();

        assertTrue(opened.isEmpty());
        assertTrue(model.resultProperty().get().contains("For PostgreSQL, put the user in the URI"), model.resultProperty().get());
    }
}
