package dev.autouser.core.mongo;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionProfileTest {

    @Test
    void aProfileIsBuiltByNameNeverByPosition() {
        assertTrue(Arrays.stream(ConnectionProfile.class.getDeclaredConstructors())
                        .noneMatch(c -> Modifier.isPublic(c.getModifiers())),
                "no public positional constructor: eight fields, three of them optional paths, are easy to swap");
    }

    @Test
    void aNewProfileHasNoFilesX509AndCheckedCertificates() {
        ConnectionProfile profile = ConnectionProfile.builder(" mongodb://db:27017 ").build();

        assertEquals("mongodb://db:27017", profile.uri());
        assertEquals("", profile.name());
        assertEquals(Optional.empty(), profile.tlsCaFile());
        assertEquals(Optional.empty(), profile.tlsCertFile());
        assertEquals(Optional.empty(), profile.tlsKeyFile());
        assertEquals(AuthMechanism.X509, profile.auth());
        assertEquals(Optional.empty(), profile.username());
        assertFalse(profile.tlsAllowInvalid());
    }

    @Test
    void blankTextMeansNotGivenAndEachFieldLandsWhereItIsNamed() {
        ConnectionProfile profile = ConnectionProfile.builder("mongodb://db").name("  prod ")
                .tlsCaFile(Path.of("ca.pem")).tlsCertFile(Path.of("cert.pem")).tlsKeyFile(Path.of("key.pem"))
                .auth(AuthMechanism.SCRAM).username("  ").tlsAllowInvalid(true).build();

        assertEquals("prod", profile.name());
        assertEquals(Optional.of(Path.of("ca.pem")), profile.tlsCaFile());
        assertEquals(Optional.of(Path.of("cert.pem")), profile.tlsCertFile());
        assertEquals(Optional.of(Path.of("key.pem")), profile.tlsKeyFile());
        assertEquals(AuthMechanism.SCRAM, profile.auth());
        assertEquals(Optional.empty(), profile.username(), "a blank user name is no user name");
        assertTrue(profile.tlsAllowInvalid());
    }

    @Test
    void toBuilderKeepsEveryFieldAndWithersChangeOnlyTheirOwn() {
        ConnectionProfile profile = ConnectionProfile.builder("mongodb://db").name("prod")
                .tlsCaFile(Path.of("ca.pem")).tlsCertFile(Path.of("cert.pem")).tlsKeyFile(Path.of("key.pem"))
                .auth(AuthMechanism.SCRAM).username("dba").tlsAllowInvalid(true).build();

        assertEquals(profile, profile.toBuilder().build());
        assertEquals(profile.hashCode(), profile.toBuilder().build().hashCode());
        assertEquals("test", profile.withName("test").name());
        assertEquals(profile, profile.withName("test").withName("prod"));

        ConnectionProfile asAdmin = profile.withClientCertificate(Path.of("admin.pem"));
        assertEquals(Optional.of(Path.of("admin.pem")), asAdmin.tlsCertFile());
        assertEquals(Optional.empty(), asAdmin.tlsKeyFile(), "the combined PEM carries its own key");
        assertEquals(AuthMechanism.X509, asAdmin.auth());
        assertEquals(Optional.empty(), asAdmin.username());
        assertEquals(profile.tlsCaFile(), asAdmin.tlsCaFile());
        assertTrue(asAdmin.tlsAllowInvalid());
    }
}
