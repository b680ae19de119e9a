package dev.autouser.core.it;

import com.mongodb.MongoSecurityException;
import com.mongodb.client.MongoClient;
import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.audit.AuditRecord;
import dev.autouser.core.ConsoleException;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.provisioning.RoleRef;
import dev.autouser.core.provisioning.TeleportProvisioner;
import dev.autouser.core.provisioning.TeleportProvisioner.Outcome;
import dev.autouser.testsupport.MongoTarget;
import dev.autouser.testsupport.SeededContract;
import dev.autouser.testsupport.Seeds;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Teleport's activate / deactivate / delete, run as CN=teleport-admin like the Database Service. */
abstract class ProvisionerContract extends SeededContract {
    @TempDir
    Path dir;

    private MongoGateway admin;
    private AuditLog audit;
    private TeleportProvisioner provisioner;

    @BeforeEach
    void setUp() {
        admin = seeds.gatewayAs(MongoTarget.TELEPORT_ADMIN);
        audit = new AuditLog(dir.resolve("audit.jsonl"));
        provisioner = new TeleportProvisioner(admin, audit);
    }

    @AfterEach
    void tearDown() {
        admin.close();
    }

    private static List<Document> roles(Document user) {
        return user.getList("roles", Document.class);
    }

    private static List<Document> restrictions(Document user) {
        return user.getList("authenticationRestrictions", Document.class);
    }

    @Test
    void activateCreatesTaggedUserWithSortedRolesAndNoRestrictions() {
        String name = Seeds.unique("new");
        seeds.track(name);
        Outcome outcome = provisioner.activate(name, RoleRef.parseList("readWrite@db1,read@admin"));
        assertEquals(Outcome.CREATED, outcome);
        Document user = seeds.userInfo(name);
        assertEquals(new Document("teleport-auto-user", true), user.get("customData", Document.class));
        assertEquals(List.of("read@admin", "readWrite@db1"), roles(user).stream()
                .map(r -> r.getString("role") + "@" + r.getString("db")).sorted().toList());
        assertTrue(restrictions(user).isEmpty());
        AuditRecord record = audit.readNewestFirst(1).get(0);
        assertEquals("CN=" + name, record.targetUser());
        assertTrue(record.command().contains("createUser"), record.command());
        assertEquals("ok: created", record.result());
        assertEquals("CN=teleport-admin@$external", record.identity());
    }

    @Test
    void activateRefusesAUserTeleportDoesNotManage() {
        String human = seeds.plainUser("human", null);
        ConsoleException e = assertThrows(ConsoleException.class,
                () -> provisioner.activate(human, RoleRef.parseList("read@db1")));
        assertEquals("user \"" + human + "\" already exists in this MongoDB database and is not managed by Teleport",
                e.getMessage());
        assertEquals(List.of(new Document("role", "read").append("db", "db1")), roles(seeds.userInfo(human)));
    }

    @Test
    void activateOfConnectedUserWithSameRolesChangesNothing() {
        String name = seeds.autoUser("same", false, "read@db1");
        seeds.connect(name, "app");
        assertEquals(Outcome.UNCHANGED_ACTIVE, provisioner.activate(name, RoleRef.parseList("read@db1")));
    }

    @Test
    void activateOfConnectedUserWithOtherRolesIsRefusedWithTeleportsMessage() {
        String name = seeds.autoUser("changed", false, "read@db1");
        seeds.connect(name, "app");
        ConsoleException e = assertThrows(ConsoleException.class,
                () -> provisioner.activate(name, RoleRef.parseList("readWrite@db1")));
        assertEquals("roles for user \"" + name + "\" has changed. Please quit all active connections and try again.",
                e.getMessage());
    }

    @Test
    void activateOfLockedUserSetsRolesAndUnlocksSoItCanLogIn() {
        String name = seeds.autoUser("locked", true);
        assertThrows(MongoSecurityException.class, () -> seeds.connect(name, "app"));
        assertEquals(Outcome.UPDATED, provisioner.activate(name, RoleRef.parseList("read@db1")));
        Document user = seeds.userInfo(name);
        assertTrue(restrictions(user).isEmpty());
        assertEquals(1, roles(user).size());
        MongoClient session = seeds.connect(name, "app");
        assertEquals(1.0, ((Number) session.getDatabase("admin").runCommand(new Document("ping", 1)).get("ok")).doubleValue());
    }

    @Test
    void activateWithAnUnknownRoleSaysWhichRole() {
        String name = Seeds.unique("norole");
        seeds.track(name);
        ConsoleException e = assertThrows(ConsoleException.class,
                () -> provisioner.activate(name, RoleRef.parseList("noSuchRole@db1")));
        assertEquals(31, e.serverCode().orElseThrow());
        assertTrue(e.getMessage().contains("noSuchRole@db1"), e.getMessage());
    }

    @Test
    void leastPrivilegeAdminMayGrantOnlyItsDatabasesAndIsToldWhichGrantIsMissing() {
        String admin = seeds.leastPrivilegeAdmin(List.of("db1"));
        String allowed = Seeds.unique("lp-ok");
        String refused = Seeds.unique("lp-no");
        seeds.track(allowed);
        seeds.track(refused);
        try (MongoGateway gateway = seeds.gatewayAs(admin)) {
            TeleportProvisioner limited = new TeleportProvisioner(gateway, audit);
            assertEquals(Outcome.CREATED, limited.activate(allowed, RoleRef.parseList("read@db1")));
            ConsoleException e = assertThrows(ConsoleException.class,
                    () -> limited.activate(refused, RoleRef.parseList("read@db2")));
            assertEquals(13, e.serverCode().orElseThrow());
            assertTrue(e.getMessage().startsWith("Not allowed to activate CN=" + refused + ": CN=" + admin
                    + "@$external lacks createUser and setAuthenticationRestriction on $external and grantRole on db2"),
                    e.getMessage());
            assertFalse(seeds.exists(refused));
        }
    }

    @Test
    void deactivateRemovesRolesAndLocksOutNewLogins() {
        String name = seeds.autoUser("bye", false, "read@db1");
        assertEquals(Outcome.LOCKED, provisioner.deactivate(name));
        Document user = seeds.userInfo(name);
        assertTrue(roles(user).isEmpty());
        assertEquals(List.of(new Document("clientSource", List.of("0.0.0.0"))), restrictions(user));
        assertThrows(MongoSecurityException.class, () -> seeds.connect(name, "app"));
    }

    @Test
    void deactivateSkipsAConnectedUser() {
        String name = seeds.autoUser("busy", false, "read@db1");
        seeds.connect(name, "app");
        assertEquals(Outcome.SKIPPED_ACTIVE, provisioner.deactivate(name));
        assertEquals(1, roles(seeds.userInfo(name)).size());
        // Recorded as every command records a refusal: no server command was sent.
        assertEquals("deactivate CN=" + name, audit.readNewestFirst(1).get(0).command());
        assertTrue(audit.readNewestFirst(1).get(0).result().startsWith("refused: has active connections"));
    }

    @Test
    void deleteDropsAnIdleUser() {
        String name = seeds.autoUser("gone", false);
        assertEquals(Outcome.DROPPED, provisioner.delete(name));
        assertFalse(seeds.exists(name));
    }

    @Test
    void deleteSkipsAConnectedUser() {
        String name = seeds.autoUser("stay", false, "read@db1");
        seeds.connect(name, "app");
        assertEquals(Outcome.SKIPPED_ACTIVE, provisioner.delete(name));
        assertTrue(seeds.exists(name));
    }

    @Test
    void deactivateAndDeleteNeverTouchAUserTeleportDoesNotManage() {
        String human = seeds.plainUser("human", new Document("team", "dba"));
        ConsoleException lock = assertThrows(ConsoleException.class, () -> provisioner.deactivate(human));
        assertTrue(lock.getMessage().contains("is not managed by Teleport"), lock.getMessage());
        assertThrows(ConsoleException.class, () -> provisioner.delete(human));
        Document user = seeds.userInfo(human);
        assertEquals(1, roles(user).size());
        assertTrue(restrictions(user).isEmpty());
    }

    @Test
    void deactivateOfAnUnknownUserSaysSo() {
        ConsoleException e = assertThrows(ConsoleException.class, () -> provisioner.deactivate(Seeds.unique("nobody")));
        assertTrue(e.getMessage().endsWith("no such user in $external."), e.getMessage());
    }
}
