package dev.autouser.core.teleport.server;

import dev.autouser.core.mongo.Privilege;
import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.mongo.ConnectionProfile;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.mongo.Secrets;
import dev.autouser.core.pki.DevPki;
import dev.autouser.core.teleport.GatewayCommandRunner;
import dev.autouser.core.teleport.adminsetup.AdminRoleSpec;
import dev.autouser.core.teleport.adminsetup.AdminSetup;
import dev.autouser.core.teleport.adminsetup.Finding;
import dev.autouser.core.teleport.adminsetup.TeleportNeeds;
import dev.autouser.sandbox.DemoData;
import dev.autouser.sandbox.SandboxServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo server ships a drifted teleport-admin-role; the console must find it and fix it. */
class DemoSeedDriftTest {
    @Test
    void demoServersDriftIsFoundAndFixed(@TempDir Path dir) {
        DevPki pki = DevPki.openOrCreate(dir.resolve("pki"));
        try (SandboxServer server = SandboxServer.builder().port(0).tls(pki).build().start()) {
            DemoData.Seeded seeded = DemoData.seed(server, pki, DemoData.Options.demo());
            try (MongoGateway dba = MongoGateway.connect(ConnectionProfile.x509(server.connectionString(), pki.caFile(), seeded.dbaFile()),
                    Secrets.none(), Duration.ofSeconds(10))) {
                AdminSetup setup = new AdminSetup(new GatewayCommandRunner(dba), dba.server(), dba.identity(), new AuditLog(dir.resolve("audit.jsonl")));

                List<Finding> problems = setup.verify(AdminRoleSpec.full()).findings().stream().filter(Finding::isProblem).toList();
                AdminSetup.Applied applied = setup.apply(AdminRoleSpec.full(), r -> { });

                assertEquals(List.of("missing " + DemoData.DRIFT_MISSING_ACTION + " on $external"), problems.stream().map(Finding::message).toList());
                assertEquals(TeleportNeeds.whatFailsWithout(Privilege.onDatabase(DemoData.DRIFT_MISSING_ACTION, "$external")),
                        problems.get(0).consequence());
                assertTrue(TeleportNeeds.isNeeded(Privilege.onDatabase(DemoData.DRIFT_MISSING_ACTION, "$external")),
                        "the demo's drift must break one of Teleport's operations");
                assertEquals("grantPrivilegesToRole", applied.before().plan().steps().get(0).commandName());
                assertTrue(applied.after().matches(), applied.after().findings().toString());
            }
        }
    }
}
