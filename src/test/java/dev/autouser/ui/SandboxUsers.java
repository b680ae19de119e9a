package dev.autouser.ui;

import com.mongodb.client.MongoClient;
import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.mongo.ConnectionProfile;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.provisioning.RoleRef;
import dev.autouser.core.provisioning.TeleportProvisioner;
import dev.autouser.testsupport.MongoTarget;
import org.bson.Document;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Auto-users for UI tests, created the way Teleport creates them (core's provisioner, as the
 * Teleport admin) on the shared TLS sandbox, with real X.509 sessions for active ones.
 * Names are unique per test; {@link #close()} ends sessions and drops what is left.
 */
public final class SandboxUsers implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final MongoTarget target = MongoTarget.sandbox();
    private final String suffix = "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
    private final MongoGateway admin;
    private final TeleportProvisioner provisioner;
    private final List<MongoClient> sessions = new ArrayList<>();
    private final List<String> created = new ArrayList<>();

    public SandboxUsers(Path auditFile) {
        admin = MongoGateway.connect(ConnectionProfile.x509(target.uri(), target.caFile(),
                target.clientFile(MongoTarget.TELEPORT_ADMIN)), null);
        provisioner = new TeleportProvisioner(admin, new AuditLog(auditFile));
    }

    public MongoTarget target() {
        return target;
    }

    /** The DBA's profile (root via X.509), as a person would fill in the connect form. */
    public ConnectionProfile dbaProfile() {
        return ConnectionProfile.x509(target.uri(), target.caFile(), target.clientFile(MongoTarget.DBA));
    }

    /** An idle auto-user: created by Teleport, no session. Returns the Teleport name. */
    public String notCleanedUp(String name, String... roles) {
        String teleportName = name + suffix;
        provisioner.activate(teleportName, roles(roles));
        created.add(teleportName);
        return teleportName;
    }

    /** A locked auto-user: Teleport's deactivate after a session in keep mode. */
    public String locked(String name, String... roles) {
        String teleportName = notCleanedUp(name, roles);
        provisioner.deactivate(teleportName);
        return teleportName;
    }

    /** An active auto-user: one authenticated X.509 connection that stays open. */
    public String active(String name, String... roles) {
        String teleportName = notCleanedUp(name, roles);
        MongoClient client = target.connectAs(teleportName, "ui-test");
        client.getDatabase("admin").runCommand(new Document("ping", 1));
        sessions.add(client);
        return teleportName;
    }

    private static List<RoleRef> roles(String... roles) {
        List<RoleRef> parsed = new ArrayList<>();
        for (String role : roles) {
            parsed.add(RoleRef.parse(role));
        }
        return parsed.isEmpty() ? List.of(RoleRef.parse("read@db1")) : parsed;
    }

    @Override
    public void close() {
        sessions.forEach(MongoClient::close);
        for (String name : created) {
            try {
                admin.run("$external", new Document("dropUser", "CN=" + name), "drop CN=" + name);
            } catch (RuntimeException alreadyGone) {
                // Dropped by the test itself.
            }
        }
        admin.close();
    }
}
