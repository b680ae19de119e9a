package dev.autouser.core.it;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.mongo.ConnectionProfile;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.pki.DevPki;
import dev.autouser.core.provisioning.AutoUser;
import dev.autouser.core.provisioning.AutoUserLister;
import dev.autouser.core.provisioning.AutoUserListing;
import dev.autouser.core.provisioning.ProgressListener;
import dev.autouser.core.provisioning.RoleRef;
import dev.autouser.core.provisioning.TeleportProvisioner;
import dev.autouser.core.provisioning.UserCleanup;
import dev.autouser.core.provisioning.UserState;
import dev.autouser.sandbox.DemoData;
import dev.autouser.sandbox.SandboxServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server that reports 5.0 (no {@code showCustomData}, {@code currentOp} command rather than the
 * stage): the same operations work. Sandbox only, since the version is chosen at start.
 */
class OlderServerSandboxTest {
    @TempDir
    Path dir;

    @Test
    void listingActivationAndCleanupWorkOnMongoDb50() {
        DevPki pki = DevPki.openOrCreate(dir.resolve("pki"));
        try (SandboxServer server = SandboxServer.builder().port(0).tls(pki).serverVersion("5.0.14").build().start()) {
            DemoData.Seeded seeded = DemoData.seed(server, pki, new DemoData.Options(DemoData.Seed.EMPTY, 12));
            ConnectionProfile dba = ConnectionProfile.x509(server.connectionString(), pki.caFile(), seeded.dbaFile());
            try (MongoGateway gateway = MongoGateway.connect(dba, null)) {
                assertEquals("5.0.14", gateway.facts().version().toString());
                new TeleportProvisioner(gateway, new AuditLog(dir.resolve("audit.jsonl")))
                        .activate("old-server-user", RoleRef.parseList("read@db1"));
                try (MongoGateway session = MongoGateway.connect(ConnectionProfile.x509(server.connectionString(),
                        pki.caFile(), DemoData.userFile(pki, "old-server-user")), null)) {
                    session.run("admin", new Document("ping", 1), "ping");
                    AutoUserListing listing = new AutoUserLister(gateway).list();
                    assertEquals(13, listing.users().size());
                    assertEquals(3, listing.roundTrips());
                    AutoUser active = listing.find("CN=old-server-user").orElseThrow();
                    assertEquals(UserState.ACTIVE, active.state());
                    assertEquals(new Document("teleport-auto-user", true), active.customData());
                }
                var report = new UserCleanup(gateway, new AuditLog(dir.resolve("audit.jsonl")))
                        .drop(List.of("user000003"), ProgressListener.NONE);
                assertEquals(1, report.done(), report.results().toString());
                assertFalse(new AutoUserLister(gateway).list().find("CN=user000003").isPresent());
                assertTrue(gateway.facts().can(dev.autouser.core.mongo.Operation.CLEANUP));
            }
        }
    }
}
