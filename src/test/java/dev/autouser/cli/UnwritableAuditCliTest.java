package dev.autouser.cli;

import dev.autouser.core.audit.UnwritableAudit;
import dev.autouser.testsupport.MongoTarget;
import dev.autouser.testsupport.SeededContract;
import dev.autouser.testsupport.Seeds;
import dev.autouser.testsupport.ServerCleanup;
import org.bson.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10, invariant 1: with an audit log that cannot be written, no command changes the server;
 * each refuses before acting and says why. (Before, they changed the server and then exited 2.)
 */
class UnwritableAuditCliTest extends SeededContract {
    @TempDir
    Path home;

    @Override
    protected MongoTarget target() {
        return MongoTarget.sandbox();
    }

    @ParameterizedTest
    @EnumSource(UnwritableAudit.class)
    void lockChangesNothing(UnwritableAudit fault) {
        String user = seeds.autoUser("audit-lock", false, "read@db1");
        fault.prepare(home);
        assertRefused(fault, run("lock", "CN=" + user));
        assertUnchanged(user);
    }

    @ParameterizedTest
    @EnumSource(UnwritableAudit.class)
    void dropChangesNothing(UnwritableAudit fault) {
        String user = seeds.autoUser("audit-drop", false, "read@db1");
        fault.prepare(home);
        assertRefused(fault, run("drop", user, "--yes"));
        assertUnchanged(user);
    }

    @ParameterizedTest
    @EnumSource(UnwritableAudit.class)
    void deactivateChangesNothing(UnwritableAudit fault) {
        String user = seeds.autoUser("audit-deactivate", false, "read@db1");
        fault.prepare(home);
        assertRefused(fault, run("deactivate", user));
        assertUnchanged(user);
    }

    @ParameterizedTest
    @EnumSource(UnwritableAudit.class)
    void activateCreatesNothing(UnwritableAudit fault) {
        String user = Seeds.unique("audit-activate");
        seeds.track(user);
        fault.prepare(home);
        assertRefused(fault, run("activate", user, "--roles", "read@db1"));
        assertFalse(seeds.exists(user));
    }

    @ParameterizedTest
    @EnumSource(UnwritableAudit.class)
    void cleanupChangesNothing(UnwritableAudit fault) {
        String user = seeds.autoUser("audit-cleanup", true, "read@db1");
        fault.prepare(home);
        assertRefused(fault, run("cleanup", "--locked-only", "--lock-only", "--yes"));
        assertEquals(1, seeds.userInfo(user).getList("roles", Document.class).size());
    }

    @ParameterizedTest
    @EnumSource(UnwritableAudit.class)
    void adminSetupApplyCreatesNothing(UnwritableAudit fault) {
        String role = Seeds.unique("audit-role");
        String admin = Seeds.unique("audit-admin");
        fault.prepare(home);
        try {
            assertRefused(fault, run("admin-setup", "--apply", "--role-name", role, "--admin-user", "CN=" + admin));
            Document roles = target().dba().getDatabase("admin").runCommand(new Document("rolesInfo", role));
            assertTrue(roles.getList("roles", Document.class).isEmpty(), roles.toJson());
            assertFalse(seeds.exists(admin));
        } finally {
            ServerCleanup.dropUser(target().dba(), "CN=" + admin);
            ServerCleanup.dropRole(target().dba(), "admin", role);
        }
    }

    private CliRun run(String... args) {
        return CliRun.asIn(home, target(), "dba", args);
    }

    private static void assertRefused(UnwritableAudit fault, CliRun run) {
        assertNotEquals(0, run.code(), run.toString());
        String all = run.out() + run.err();
        assertTrue(all.contains("Cannot write the audit log"), run.toString());
        assertTrue(all.contains(fault.reason()), run.toString());
        assertTrue(all.contains("Nothing was changed"), run.toString());
    }

    private void assertUnchanged(String user) {
        Document info = seeds.userInfo(user);
        assertTrue(info != null, "the user still exists");
        assertEquals(List.of(new Document("role", "read").append("db", "db1")), info.getList("roles", Document.class));
        assertTrue(info.getList("authenticationRestrictions", Document.class).isEmpty(), info.toJson());
    }
}
