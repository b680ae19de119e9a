package dev.autouser.core.it;

import dev.autouser.core.mongo.ConnectionProfile;
import dev.autouser.core.ConsoleException;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.mongo.Operation;
import dev.autouser.core.mongo.HostingPlatform;
import dev.autouser.core.mongo.Privilege;
import dev.autouser.core.mongo.ServerFacts;
import dev.autouser.core.pki.DevPki;
import dev.autouser.core.provisioning.AutoUserLister;
import dev.autouser.testsupport.MongoTarget;
import dev.autouser.testsupport.SeededContract;
import dev.autouser.testsupport.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Connecting: server facts, privileges by operation, and one plain sentence for each failure. */
abstract class ConnectionContract extends SeededContract {
    @TempDir
    Path dir;

    private MongoGateway connect(ConnectionProfile profile) {
        return MongoGateway.connect(profile, dev.autouser.core.mongo.Secrets.none(), Duration.ofSeconds(3));
    }

    @Test
    void rootIdentitySeesVersionTopologyAndMayDoEverything() {
        try (MongoGateway dba = seeds.gatewayAs(MongoTarget.DBA)) {
            ServerFacts facts = dba.facts();
            assertTrue(facts.version().major() >= 4, facts.version().toString());
            assertEquals("CN=dba@$external", facts.identity());
            assertTrue(facts.roles().contains("root@admin"), facts.roles().toString());
            assertEquals(HostingPlatform.SELF_HOSTED, facts.platform());
            for (Operation operation : Operation.values()) {
                assertTrue(facts.can(operation), operation + " " + facts.missing(operation));
            }
        }
    }

    @Test
    void teleportAdminRoleLacksOnlyViewRoleForRoleValidation() {
        try (MongoGateway admin = seeds.gatewayAs(MongoTarget.TELEPORT_ADMIN)) {
            ServerFacts facts = admin.facts();
            assertTrue(facts.can(Operation.LIST));
            assertTrue(facts.can(Operation.DROP));
            assertTrue(facts.can(Operation.ACTIVATE));
            assertEquals(java.util.List.of(Privilege.onEveryDatabase("viewRole")), facts.missing(Operation.VALIDATE_ROLES));
        }
    }

    @Test
    void identityWithoutPrivilegesIsToldWhatIsMissingAndRefusedInPlainWords() {
        String viewer = seeds.plainUser("viewer", null);
        try (MongoGateway gateway = seeds.gatewayAs(viewer)) {
            ServerFacts facts = gateway.facts();
            assertFalse(facts.can(Operation.LIST));
            assertTrue(facts.missing(Operation.LIST).contains(Privilege.onDatabase("viewUser", "$external")));
            assertTrue(facts.whyNot(Operation.DROP).orElseThrow().contains("dropUser on $external"));
            ConsoleException e = assertThrows(ConsoleException.class, () -> new AutoUserLister(gateway).list());
            assertEquals(13, e.serverCode().orElseThrow());
            assertEquals("Not allowed to list auto-users: CN=" + viewer + "@$external lacks viewUser on $external.",
                    e.getMessage());
        }
    }

    @Test
    void scramLoginWithPasswordWorksAndAWrongPasswordIsPlainlyRefused() {
        String user = Seeds.unique("scram");
        target().dba().getDatabase("admin").runCommand(new org.bson.Document("createUser", user)
                .append("pwd", "correct horse").append("roles", java.util.List.of(
                        new org.bson.Document("role", "read").append("db", "db1"))));
        try {
            // The TLS handshake still presents a client certificate; SCRAM decides who we are.
            ConnectionProfile profile = ConnectionProfile.builder(target().uri()).tlsCaFile(target().caFile())
                    .tlsCertFile(target().clientFile("scram-client"))
                    .auth(dev.autouser.core.mongo.AuthMechanism.SCRAM).username(user).build();
            try (MongoGateway gateway = MongoGateway.connect(profile, "correct horse".toCharArray())) {
                assertEquals(user + "@admin", gateway.facts().identity());
            }
            ConsoleException e = assertThrows(ConsoleException.class,
                    () -> MongoGateway.connect(profile, "wrong".toCharArray()));
            assertEquals("Authentication failed as " + user
                    + "@admin: the server has no such user, or the password or certificate does not match it.",
                    e.getMessage());
        } finally {
            target().dba().getDatabase("admin").runCommand(new org.bson.Document("dropUser", user));
        }
    }

    @Test
    void certificateOfUnknownUserFailsAuthenticationPlainly() {
        String stranger = Seeds.unique("stranger");
        ConsoleException e = assertThrows(ConsoleException.class, () -> seeds.gatewayAs(stranger));
        assertEquals("Authentication failed as CN=" + stranger
                + ": the server has no such user, or the password or certificate does not match it.", e.getMessage());
        assertEquals(18, e.serverCode().orElseThrow());
    }

    @Test
    void serverCertificateFromAnotherCaIsATlsFailure() {
        DevPki other = DevPki.openOrCreate(dir.resolve("other"));
        ConsoleException e = assertThrows(ConsoleException.class, () -> connect(
                ConnectionProfile.x509(target().uri(), other.caFile(), target().clientFile(MongoTarget.DBA))));
        assertTrue(e.getMessage().startsWith("TLS failed with "), e.getMessage());
    }

    @Test
    void clientCertificateFromAnotherCaIsRejected() {
        DevPki other = DevPki.openOrCreate(dir.resolve("other"));
        ConsoleException e = assertThrows(ConsoleException.class, () -> connect(
                ConnectionProfile.x509(target().uri(), target().caFile(), other.clientFile("dba", "dba.pem"))));
        assertTrue(e.getMessage().startsWith("TLS failed with ") || e.getMessage().startsWith("Cannot reach "),
                e.getMessage());
    }

    @Test
    void portWithNothingListeningIsUnreachable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ConsoleException e = assertThrows(ConsoleException.class, () -> connect(ConnectionProfile.x509(
                "mongodb://localhost:" + port + "/?tls=true", target().caFile(), target().clientFile(MongoTarget.DBA))));
        assertEquals("Cannot reach localhost:" + port
                + ": the connection was refused (is mongod running on that port?).", e.getMessage());
    }

    @Test
    void connectingWithoutTlsToATlsServerSaysWhy() {
        String plainUri = target().uri().replace("?tls=true", "").replace("&tls=true", "");
        ConsoleException e = assertThrows(ConsoleException.class, () -> connect(ConnectionProfile.builder(plainUri)
                .auth(dev.autouser.core.mongo.AuthMechanism.NONE).build()));
        assertTrue(e.getMessage().startsWith("Cannot reach "), e.getMessage());
    }
}
