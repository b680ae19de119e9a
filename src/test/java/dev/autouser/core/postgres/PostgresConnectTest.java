package dev.autouser.core.postgres;

import dev.autouser.core.ConsoleException;
import dev.autouser.testsupport.PostgresTarget;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Connecting to a real PostgreSQL over TLS with the PEM files tctl writes, or a password. */
class PostgresConnectTest {
    private final PostgresTarget target = PostgresTarget.shared();

    @Test
    void aClientCertificateAndKeyFromSeparatePemFilesLogInAsTheirCommonName() {
        try (PostgresGateway gateway = PostgresGateway.connect(target.profileAs(PostgresTarget.DBA), null, null)) {
            assertEquals("dba", gateway.identity());
            assertTrue(gateway.facts().superuser());
            assertTrue(gateway.facts().ssl(), "the session is encrypted");
            assertTrue(gateway.warnings().isEmpty(), gateway.warnings().toString());
        }
    }

    @Test
    void theLibpqParametersInTheUriAreReadAsPsqlReadsThem() {
        String uri = "postgresql://" + PostgresTarget.TELEPORT_ADMIN + "@localhost:" + target.port() + "/postgres?sslmode=verify-full"
                + "&sslrootcert=" + target.caFile() + "&sslcert=" + target.certFile(PostgresTarget.TELEPORT_ADMIN)
                + "&sslkey=" + target.keyFile(PostgresTarget.TELEPORT_ADMIN);
        try (PostgresGateway gateway = PostgresGateway.connect(PostgresProfile.of(uri), null, null)) {
            PostgresFacts facts = gateway.facts();
            assertEquals("teleport-admin", facts.currentUser());
            assertFalse(facts.superuser());
            assertTrue(facts.createRole());
            assertTrue(facts.groupAdminOption(), "granted WITH ADMIN OPTION by the fixture, as Teleport's guide asks");
            assertTrue(facts.permissions().stream().anyMatch(l -> l.startsWith("NO see other users' session details")),
                    facts.permissions().toString());
        }
    }

    @Test
    void aCombinedPemWithCertificateAndKeyWorksToo() {
        PostgresProfile profile = PostgresProfile.of(target.uri()).withCa(target.caFile())
                .withClientCertificate(target.combinedFile(PostgresTarget.DBA), target.combinedFile(PostgresTarget.DBA));
        try (PostgresGateway gateway = PostgresGateway.connect(profile, null, null)) {
            assertEquals("dba", gateway.identity());
        }
    }

    @Test
    void aPasswordLogsInOverVerifiedTls() {
        String uri = "postgresql://" + PostgresTarget.PASSWORD_DBA + "@localhost:" + target.port() + "/postgres";
        PostgresProfile profile = PostgresProfile.of(uri).withCa(target.caFile());
        try (PostgresGateway gateway = PostgresGateway.connect(profile, PostgresTarget.PASSWORD.toCharArray(), null)) {
            assertEquals(PostgresTarget.PASSWORD_DBA, gateway.identity());
            assertTrue(gateway.facts().ssl());
        }
        ConsoleException wrong = assertThrows(ConsoleException.class,
                () -> PostgresGateway.connect(profile, "wrong".toCharArray(), null));
        assertTrue(wrong.getMessage().contains("refused to log in pw-dba"), wrong.getMessage());
    }

    @Test
    void aServerCertificateFromAnUnknownCaIsRefusedAndSaysWhatToGive() {
        PostgresProfile noCa = new PostgresProfile(target.uri(), Optional.empty(),
                Optional.of(target.certFile(PostgresTarget.DBA)), Optional.of(target.keyFile(PostgresTarget.DBA)),
                false, Duration.ofSeconds(5));
        ConsoleException e = assertThrows(ConsoleException.class, () -> PostgresGateway.connect(noCa, null, null));
        assertTrue(e.getMessage().contains("not signed by a trusted CA"), e.getMessage());
    }

    @Test
    void aHostNameTheCertificateDoesNotNameIsRefusedUnderVerifyFull() {
        // the development server certificate names localhost, 127.0.0.1 and ::1; not this machine's host name
        String other = "postgresql://" + hostNameOfThisMachine() + ":" + target.port() + "/postgres?sslmode=verify-full";
        PostgresProfile profile = PostgresProfile.of(other).withCa(target.caFile())
                .withClientCertificate(target.certFile(PostgresTarget.DBA), target.keyFile(PostgresTarget.DBA));
        ConsoleException e = assertThrows(ConsoleException.class, () -> PostgresGateway.connect(profile, null, null));
        assertTrue(e.getMessage().contains("does not name that host") || e.getMessage().contains("Cannot reach"), e.getMessage());
    }

    @Test
    void aKeyThatBelongsToAnotherCertificateIsNamedAsSuch() {
        PostgresProfile mismatched = PostgresProfile.of(target.uri()).withCa(target.caFile())
                .withClientCertificate(target.certFile(PostgresTarget.DBA), target.keyFile(PostgresTarget.TELEPORT_ADMIN));
        ConsoleException e = assertThrows(ConsoleException.class, () -> PostgresGateway.connect(mismatched, null, null));
        assertTrue(e.getMessage().contains("does not belong to the certificate"), e.getMessage());
    }

    @Test
    void aPasswordInTheUriIsRefusedBeforeConnecting() {
        ConsoleException e = assertThrows(ConsoleException.class, () -> PostgresGateway.connect(
                PostgresProfile.of("postgresql://dba:secret@localhost:" + target.port() + "/postgres"), null, null));
        assertTrue(e.getMessage().contains("--password-env"), e.getMessage());
    }

    private static String hostNameOfThisMachine() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "127.0.0.2";
        }
    }

}
