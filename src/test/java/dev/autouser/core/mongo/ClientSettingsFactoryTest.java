package dev.autouser.core.mongo;

import dev.autouser.core.ConsoleException;
import com.mongodb.event.CommandListener;
import dev.autouser.core.pki.DevPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Certificate and profile problems are reported before any network traffic. */
class ClientSettingsFactoryTest {
    private static final CommandListener NONE = new CommandListener() { };

    @TempDir
    Path dir;

    private ClientSettingsFactory.Prepared prepare(ConnectionProfile profile, Instant now) {
        return ClientSettingsFactory.prepare(profile, Secrets.none(), Duration.ofSeconds(5), NONE, now);
    }

    @Test
    void validX509ProfileTakesTheCertificateSubjectAsIdentity() {
        DevPki pki = DevPki.openOrCreate(dir);
        Path alice = pki.clientFile("alice", "alice.pem");
        var prepared = prepare(ConnectionProfile.x509("mongodb://localhost:27017", pki.caFile(), alice), Instant.now());
        assertEquals("CN=alice", prepared.identity());
        assertTrue(prepared.settings().getSslSettings().isEnabled());
        assertEquals("MONGODB-X509", prepared.settings().getCredential().getMechanism());
    }

    @Test
    void expiredCertificateIsRefusedBeforeConnecting() {
        DevPki pki = DevPki.openOrCreate(dir);
        Path alice = pki.clientFile("alice", "alice.pem");
        Instant farFuture = Instant.now().plus(Duration.ofDays(3650));
        ConsoleException e = assertThrows(ConsoleException.class,
                () -> prepare(ConnectionProfile.x509("mongodb://localhost", pki.caFile(), alice), farFuture));
        assertTrue(e.getMessage().startsWith("The client certificate CN=alice expired on "), e.getMessage());
    }

    @Test
    void certificateAboutToExpireIsAWarning() {
        DevPki pki = DevPki.openOrCreate(dir);
        Path alice = pki.clientFile("alice", "alice.pem");
        Instant nearEnd = Instant.now().plus(Duration.ofDays(822));
        var prepared = prepare(ConnectionProfile.x509("mongodb://localhost", pki.caFile(), alice), nearEnd);
        assertTrue(prepared.warnings().get(0).startsWith("The client certificate CN=alice expires on "));
    }

    @Test
    void mongoshStyleFileOptionsInTheUriAreUsed() {
        DevPki pki = DevPki.openOrCreate(dir);
        Path alice = pki.clientFile("alice", "alice.pem");
        String uri = "mongodb://localhost:27017/?tls=true&tlsCAFile=" + pki.caFile() + "&tlsCertificateKeyFile=" + alice;
        ConnectionProfile profile = ConnectionProfile.builder(uri).auth(AuthMechanism.X509).build();
        var prepared = prepare(profile, Instant.now());
        assertEquals("CN=alice", prepared.identity());
        assertEquals("mongodb://localhost:27017/?tls=true", prepared.connectionString().getConnectionString());
    }

    @Test
    void keyPasswordInTheUriIsRefused() {
        ConsoleException e = assertThrows(ConsoleException.class, () -> prepare(ConnectionProfile.scram(
                "mongodb://localhost/?tlsCertificateKeyFilePassword=x", "u"), Instant.now()));
        assertTrue(e.getMessage().startsWith("Do not put the key passphrase in the URI"), e.getMessage());
    }

    @Test
    void badUriIsOneSentence() {
        ConsoleException e = assertThrows(ConsoleException.class,
                () -> prepare(ConnectionProfile.scram("http://localhost", "u"), Instant.now()));
        assertTrue(e.getMessage().startsWith("The MongoDB URI is not valid: "), e.getMessage());
    }

    @Test
    void x509WithoutCertificateAsksForIt() {
        ConnectionProfile profile = ConnectionProfile.builder("mongodb://localhost").auth(AuthMechanism.X509).build();
        ConsoleException e = assertThrows(ConsoleException.class, () -> prepare(profile, Instant.now()));
        assertTrue(e.getMessage().startsWith("X.509 authentication needs a client certificate"), e.getMessage());
    }

    @Test
    void scramWithoutPasswordSaysSo() {
        ConsoleException e = assertThrows(ConsoleException.class,
                () -> prepare(ConnectionProfile.scram("mongodb://localhost", "dba"), Instant.now()));
        assertEquals("SCRAM authentication needs a password for dba.", e.getMessage());
    }

    @Test
    void caFileWithoutCertificateIsRefused() throws Exception {
        DevPki pki = DevPki.openOrCreate(dir);
        Path keyOnly = dir.resolve("ca-key-copy.pem");
        Files.copy(dir.resolve(DevPki.CA_KEY_FILE), keyOnly);
        ConsoleException e = assertThrows(ConsoleException.class, () -> prepare(
                ConnectionProfile.x509("mongodb://localhost", keyOnly, pki.clientFile("alice", "alice.pem")),
                Instant.now()));
        assertEquals("ca-key-copy.pem holds no CA certificate.", e.getMessage());
    }

    @Test
    void insecureTlsIsWarnedAbout() {
        DevPki pki = DevPki.openOrCreate(dir);
        var prepared = prepare(ConnectionProfile.x509("mongodb://localhost", pki.caFile(),
                pki.clientFile("alice", "alice.pem")).withTlsAllowInvalid(true), Instant.now());
        assertTrue(prepared.warnings().stream().anyMatch(w -> w.contains("verification is OFF")));
    }
}
