package dev.autouser.ui.adminsetup;

import com.mongodb.MongoCommandException;
import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.provisioning.RoleRef;
import dev.autouser.core.teleport.DriverCommandRunner;
import dev.autouser.core.teleport.LeastPrivilegeDatabases;
import dev.autouser.core.teleport.adminsetup.AdminSetup;
import dev.autouser.testsupport.MongoTarget;
import org.bson.Document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

/** Unique names and cleanup for the admin-setup and role-mapping UI tests on the shared sandbox. */
public final class TeleportUiFixture implements AutoCloseable {
    public final MongoTarget target = MongoTarget.sandbox();
    public final String id = UUID.randomUUID().toString().substring(0, 8);
    public final String roleName = "teleport-admin-role-" + id;
    public final String adminUser = "CN=teleport-admin-" + id;
    public final AuditLog audit;

    public TeleportUiFixture() {
        try {
            audit = new AuditLog(Files.createTempDirectory("autouser-ui-audit").resolve("audit.jsonl"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public DriverCommandRunner dbaRunner() {
        return new DriverCommandRunner(target.dba());
    }

    public AdminSetup adminSetup() {
        return new AdminSetup(dbaRunner(), target.uri(), "CN=dba", audit);
    }

    /** A choice whose role mapping allows exactly {@code allowDbRoles} and whose auto-users hold {@code heldRoles}. */
    public DatabaseChoice databases(List<String> allowDbRoles, List<String> heldRoles) {
        return new DatabaseChoice(dbaRunner(), () -> () -> LeastPrivilegeDatabases.derive(allowDbRoles, java.util.Map.of(),
                heldRoles.stream().map(RoleRef::parse).toList()));
    }

    public void dropUser(String user) {
        ignoreMissing(() -> target.dba().getDatabase("$external").runCommand(new Document("dropUser", user)));
    }

    @Override
    public void close() {
        dropUser(adminUser);
        ignoreMissing(() -> target.dba().getDatabase("admin").runCommand(new Document("dropRole", roleName)));
    }

    private static void ignoreMissing(Runnable action) {
        try {
            action.run();
        } catch (MongoCommandException e) {
            if (e.getErrorCode() != 11 && e.getErrorCode() != 31) {
                throw e;
            }
        }
    }
}
