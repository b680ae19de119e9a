package dev.autouser.core.teleport.server;

import dev.autouser.core.mongo.Privilege;
import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import dev.autouser.core.audit.AuditRecord;
import dev.autouser.core.ConsoleException;
import dev.autouser.core.provisioning.RoleRef;
import dev.autouser.core.provisioning.TeleportProvisioner;
import dev.autouser.core.teleport.adminsetup.AdminRoleSpec;
import dev.autouser.core.teleport.adminsetup.AdminSetup;
import dev.autouser.core.teleport.adminsetup.Finding;
import dev.autouser.core.teleport.adminsetup.StepResult;
import dev.autouser.testsupport.MongoTarget;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Admin setup against a real server process: the server's own authorization proves the roles right. */
abstract class AdminSetupContract extends ServerFixtureContract {
    static Stream<Privilege> everyFullGrant() {
        return AdminRoleSpec.full().grants().stream();
    }

    @Test
    void applyCreatesRoleAndUserThenASecondApplyChangesNothing() {
        AdminRoleSpec spec = fx.spec();
        AdminSetup setup = fx.adminSetupAsDba();
        List<String> progress = new ArrayList<>();

        AdminSetup.Applied first = setup.apply(spec, r -> progress.add(r.line()));
        AdminSetup.Applied second = setup.apply(spec, r -> progress.add(r.line()));

        assertTrue(first.succeeded(), progress.toString());
        assertEquals(List.of("done: createRole " + spec.roleName(), "done: createUser " + spec.adminUser()), progress);
        assertTrue(first.after().matches(), first.after().findings().toString());
        assertTrue(second.changedNothing());
        assertTrue(second.before().script().contains("Nothing to change"));
        List<AuditRecord> audited = fx.audit.readNewestFirst(10);
        assertEquals(List.of("done: createUser " + spec.adminUser(), AuditRecord.INTENT_RESULT,
                        "done: createRole " + spec.roleName(), AuditRecord.INTENT_RESULT),
                audited.stream().map(AuditRecord::result).toList());
        assertTrue(audited.get(2).command().startsWith("db.getSiblingDB(\"admin\").runCommand({\n  createRole: "), audited.get(2).command());
    }

    @Test
    void fullRoleLetsTheAdminRunEveryTeleportOperation() {
        AdminRoleSpec spec = fx.spec();
        fx.adminSetupAsDba().apply(spec, r -> { });
        TeleportProvisioner teleport = fx.provisionerAs(fx.commonName(spec));
        String alice = fx.teleportUser("alice");
        List<RoleRef> roles = List.of(RoleRef.parse("readWrite@db1"), RoleRef.parse("readAnyDatabase@admin"));

        assertEquals(TeleportProvisioner.Outcome.CREATED, teleport.activate(alice, roles));
        assertFalse(teleport.isActive("CN=" + alice));
        assertEquals(TeleportProvisioner.Outcome.LOCKED, teleport.deactivate(alice));
        assertEquals(TeleportProvisioner.Outcome.UPDATED, teleport.activate(alice, roles));
        assertEquals(TeleportProvisioner.Outcome.DROPPED, teleport.delete(alice));
    }

    @Test
    void leastPrivilegeRoleGrantsOnlyRolesOfTheChosenDatabases() {
        AdminRoleSpec spec = fx.spec().withGrantDbs(List.of("db1"));
        assertTrue(fx.adminSetupAsDba().apply(spec, r -> { }).succeeded());
        TeleportProvisioner teleport = fx.provisionerAs(fx.commonName(spec));
        String alice = fx.teleportUser("alice");
        String bob = fx.teleportUser("bob");

        assertEquals(TeleportProvisioner.Outcome.CREATED, teleport.activate(alice, List.of(RoleRef.parse("readWrite@db1"))));
        assertEquals(TeleportProvisioner.Outcome.LOCKED, teleport.deactivate(alice));
        assertEquals(TeleportProvisioner.Outcome.UPDATED, teleport.activate(alice, List.of(RoleRef.parse("read@db1"))));
        assertEquals(TeleportProvisioner.Outcome.DROPPED, teleport.delete(alice));
        ConsoleException refused = assertThrows(ConsoleException.class,
                () -> teleport.activate(bob, List.of(RoleRef.parse("readWrite@db2"))));
        assertTrue(refused.hasServerCode(13), refused.getMessage());
    }

    @Test
    void theAdminIsRefusedEverythingTeleportDoesNotNeed() {
        AdminRoleSpec spec = fx.spec();
        fx.adminSetupAsDba().apply(spec, r -> { });
        try (MongoClient admin = target().connectAs(fx.commonName(spec))) {
            List<Document[]> attempts = List.of(
                    new Document[]{new Document("db", "db1"), new Document("find", "orders")},
                    new Document[]{new Document("db", "db1"), new Document("insert", "orders").append("documents", List.of(new Document("x", 1)))},
                    new Document[]{new Document("db", "db1"), new Document("dropDatabase", 1)},
                    new Document[]{new Document("db", "admin"), new Document("createRole", "evil-" + fx.id).append("privileges", List.of()).append("roles", List.of())},
                    new Document[]{new Document("db", "admin"), new Document("dropRole", spec.roleName())},
                    new Document[]{new Document("db", "admin"), new Document("createUser", "evil-" + fx.id).append("pwd", "x").append("roles", List.of())},
                    new Document[]{new Document("db", "admin"), new Document("rolesInfo", 1)},
                    new Document[]{new Document("db", "admin"), new Document("serverStatus", 1)},
                    new Document[]{new Document("db", "admin"), new Document("killOp", 1).append("op", 1)});
            for (Document[] attempt : attempts) {
                String db = attempt[0].getString("db");
                MongoCommandException e = assertThrows(MongoCommandException.class,
                        () -> admin.getDatabase(db).runCommand(attempt[1]), attempt[1].toJson());
                assertEquals(13, e.getErrorCode(), attempt[1].toJson());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("everyFullGrant")
    void driftDetectionFindsEachMissingActionAndApplyRestoresIt(Privilege missing) {
        AdminRoleSpec spec = fx.spec();
        Set<Privilege> drifted = new LinkedHashSet<>(spec.grants());
        drifted.remove(missing);
        createRoleAndUser(spec, drifted);
        AdminSetup setup = fx.adminSetupAsDba();

        AdminSetup.Check check = setup.verify(spec);
        AdminSetup.Applied applied = setup.apply(spec, r -> { });

        assertEquals(List.of("missing " + missing.describe()), check.findings().stream().map(Finding::message).toList());
        assertEquals("grantPrivilegesToRole", applied.before().plan().steps().get(0).commandName());
        assertTrue(applied.after().matches(), applied.after().findings().toString());
    }

    @Test
    void extraActionsAreFoundAndApplyNarrowsTheRole() {
        AdminRoleSpec spec = fx.spec().withGrantDbs(List.of("db1", "db2"));
        createRoleAndUser(spec, AdminRoleSpec.full().grants());
        AdminSetup setup = fx.adminSetupAsDba();

        List<Finding> findings = setup.verify(spec).findings();
        AdminSetup.Applied applied = setup.apply(spec, r -> { });

        assertEquals(List.of("extra grantRole on all databases (least privilege needs it only on db1, db2)"),
                findings.stream().map(Finding::message).toList());
        assertEquals("updateRole", applied.before().plan().steps().get(0).commandName());
        assertTrue(applied.after().matches(), applied.after().findings().toString());
    }

    @Test
    void theAdminCanVerifyItsOwnSetupWithoutViewRole() {
        AdminRoleSpec spec = fx.spec();
        fx.adminSetupAsDba().apply(spec, r -> { });
        try (MongoClient admin = target().connectAs(fx.commonName(spec))) {
            AdminSetup.Check check = fx.adminSetupAs(admin, spec.adminUser()).verify(spec);

            assertTrue(check.matches(), check.findings().toString());
        }
    }

    @Test
    void anIdentityWithoutPrivilegesGetsAnExplanationAndAScriptThatWorksEitherWay() {
        AdminRoleSpec spec = fx.spec();
        String reader = fx.x509User("reader", List.of(new Document("role", "read").append("db", "db1")));
        try (MongoClient client = target().connectAs(reader)) {
            AdminSetup.Applied applied = fx.adminSetupAs(client, "CN=" + reader).apply(spec, r -> { });

            StepResult first = applied.steps().get(0);
            assertEquals(StepResult.Outcome.REFUSED, first.outcome());
            assertTrue(first.detail().startsWith("CN=" + reader + " is not allowed to run createRole on admin"), first.detail());
            assertEquals(StepResult.Outcome.SKIPPED, applied.steps().get(1).outcome());
            assertTrue(applied.before().findings().stream().anyMatch(f -> f.kind() == Finding.Kind.CANNOT_READ));
            assertTrue(applied.before().script().contains("getRole(\"" + spec.roleName() + "\") === null"));
        }
        assertTrue(fx.adminSetupAsDba().verify(spec).findings().stream().anyMatch(f -> f.kind() == Finding.Kind.ROLE_MISSING));
    }

    @Test
    void userWithoutTheRoleIsFoundAndGranted() {
        AdminRoleSpec spec = fx.spec();
        fx.dba("admin", new Document("createRole", spec.roleName()).append("privileges", documents(spec.grants())).append("roles", List.of()));
        fx.dba("$external", new Document("createUser", spec.adminUser()).append("roles", List.of()));
        AdminSetup setup = fx.adminSetupAsDba();

        assertEquals(Finding.Kind.USER_LACKS_ROLE, setup.verify(spec).findings().get(0).kind());
        assertTrue(setup.apply(spec, r -> { }).after().matches());
    }

    private void createRoleAndUser(AdminRoleSpec spec, Set<Privilege> grants) {
        fx.dba("admin", new Document("createRole", spec.roleName()).append("privileges", documents(grants)).append("roles", List.of()));
        fx.dba("$external", new Document("createUser", spec.adminUser())
                .append("roles", List.of(new Document("role", spec.roleName()).append("db", "admin"))));
    }

    private static List<Document> documents(Set<Privilege> grants) {
        return Privilege.toDocuments(grants);
    }
}
