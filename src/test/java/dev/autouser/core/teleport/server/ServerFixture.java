package dev.autouser.core.teleport.server;

import com.mongodb.client.MongoClient;
import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.mongo.ConnectionProfile;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.mongo.Secrets;
import dev.autouser.core.provisioning.TeleportProvisioner;
import dev.autouser.core.teleport.DriverCommandRunner;
import dev.autouser.core.teleport.GatewayCommandRunner;
import dev.autouser.core.teleport.SessionPreviewer;
import dev.autouser.core.teleport.SessionSimulator;
import dev.autouser.core.teleport.adminsetup.AdminRoleSpec;
import dev.autouser.core.teleport.adminsetup.AdminSetup;
import dev.autouser.testsupport.MongoTarget;
import dev.autouser.testsupport.ServerCleanup;
import org.bson.Document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Per-test names and cleanup on a shared server (sandbox or real mongod): every role and user a
 * test creates has a unique suffix and is dropped afterwards.
 */
final class ServerFixture implements AutoCloseable {
    final MongoTarget target;
    final String id = UUID.randomUUID().toString().substring(0, 8);
    final AuditLog audit;
    private final List<String> usersToDrop = new ArrayList<>();
    private final List<String> rolesToDrop = new ArrayList<>();
    private final List<MongoGateway> gateways = new ArrayList<>();

    ServerFixture(MongoTarget target) {
        this.target = target;
        try {
            this.audit = new AuditLog(Files.createTempDirectory("autouser-audit").resolve("audit.jsonl"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A spec with names unique to this test; its role and user are cleaned up. */
    AdminRoleSpec spec() {
        AdminRoleSpec spec = new AdminRoleSpec("teleport-admin-role-" + id, "CN=teleport-admin-" + id, List.of(), false);
        rolesToDrop.add(spec.roleName());
        usersToDrop.add(spec.adminUser());
        return spec;
    }

    String commonName(AdminRoleSpec spec) {
        return spec.adminUser().substring(3);
    }

    /** A unique Teleport user name whose MongoDB user is dropped afterwards. */
    String teleportUser(String base) {
        String name = base + "-" + id;
        usersToDrop.add("CN=" + name);
        return name;
    }

    String customRole(String base) {
        String name = base + "-" + id;
        rolesToDrop.add(name);
        return name;
    }

    AdminSetup adminSetupAs(MongoClient client, String identity) {
        return new AdminSetup(new DriverCommandRunner(client), target.uri(), identity, audit);
    }

    AdminSetup adminSetupAsDba() {
        return adminSetupAs(target.dba(), "CN=dba");
    }

    MongoGateway gatewayAs(String commonName) {
        MongoGateway gateway = MongoGateway.connect(ConnectionProfile.x509(target.uri(), target.caFile(), target.clientFile(commonName)),
                Secrets.none(), Duration.ofSeconds(10));
        gateways.add(gateway);
        return gateway;
    }

    TeleportProvisioner provisionerAs(String commonName) {
        return new TeleportProvisioner(gatewayAs(commonName), audit);
    }

    /** A simulator whose provisioner and previewer both run as {@code CN=<commonName>}. */
    SessionSimulator simulatorAs(String commonName) {
        MongoGateway gateway = gatewayAs(commonName);
        return new SessionSimulator(new TeleportProvisioner(gateway, audit), new SessionPreviewer(new GatewayCommandRunner(gateway)));
    }

    Document dba(String db, Document command) {
        return target.dba().getDatabase(db).runCommand(command);
    }

    /** A user (in $external) holding just the given roles, dropped afterwards. */
    String x509User(String base, List<Document> roles) {
        String cn = base + "-" + id;
        usersToDrop.add("CN=" + cn);
        dba("$external", new Document("createUser", "CN=" + cn).append("roles", roles));
        return cn;
    }

    @Override
    public void close() {
        gateways.forEach(MongoGateway::close);
        for (String user : usersToDrop) {
            ServerCleanup.dropUser(target.dba(), user);
        }
        for (String role : rolesToDrop) {
            ServerCleanup.dropRole(target.dba(), "admin", role);
            ServerCleanup.dropRole(target.dba(), "db2", role);
        }
    }
}
