package dev.autouser.core.teleport;

import dev.autouser.core.provisioning.RoleRef;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionPreviewTest {
    private static final TeleportRole SEED = TeleportRole.parse(TestFiles.read("/teleport/seed001-role.yaml"), "seed");
    private static final SessionPreview.Request ALICE = new SessionPreview.Request("alice", Optional.empty(), Map.of(), List.of());

    @Test
    void leafClusterUsersGetTheRemoteName() {
        SessionPreview.Request leaf = new SessionPreview.Request("alice", Optional.of("root"), Map.of(), List.of());

        assertEquals("CN=remote-alice-root", leaf.mongoUser());
        assertEquals("CN=alice", ALICE.mongoUser());
    }

    @Test
    void absentUserIsCreatedWithSortedRolesAndTheAutoUserTag() {
        SessionPreview.Result r = SessionPreview.judge(SEED, ALICE, SessionPreview.UserState.ABSENT, List.of());

        assertEquals(Document.parse("""
                {createUser: 'CN=alice', roles: [{role: 'readAnyDatabase', db: 'admin'}, {role: 'readWrite', db: 'db1'},
                 {role: 'myCustomRole', db: 'db2'}], customData: {'teleport-auto-user': true}, authenticationRestrictions: []}"""),
                r.command().orElseThrow());
        assertTrue(r.commandText().orElseThrow().startsWith("db.getSiblingDB(\"$external\").runCommand({\n  createUser: \"CN=alice\","));
    }

    @Test
    void inactiveAutoUserIsUpdatedAndUnlocked() {
        SessionPreview.Result r = SessionPreview.judge(SEED, ALICE, SessionPreview.UserState.AUTO_INACTIVE, List.of());

        assertEquals("updateUser", r.command().orElseThrow().keySet().iterator().next());
        assertEquals(List.of(), r.command().orElseThrow().getList("authenticationRestrictions", Object.class));
    }

    @Test
    void userNotManagedByTeleportIsAConflict() {
        SessionPreview.Result r = SessionPreview.judge(SEED, ALICE, SessionPreview.UserState.NOT_MANAGED_BY_TELEPORT, List.of());

        assertTrue(r.command().isEmpty());
        assertTrue(r.outcome().startsWith("Conflict: user \"CN=alice\" already exists in this MongoDB database and is not managed by Teleport"));
    }

    @Test
    void connectedUserWithOtherRolesIsRefused() {
        SessionPreview.Result r = SessionPreview.judge(SEED, ALICE, SessionPreview.UserState.AUTO_ACTIVE, List.of(new RoleRef("read", "db1")));

        assertTrue(r.outcome().startsWith("roles for user \"CN=alice\" has changed"), r.outcome());
    }

    @Test
    void connectedUserWithSameRolesNeedsNothing() {
        List<RoleRef> same = List.of(new RoleRef("myCustomRole", "db2"), new RoleRef("readAnyDatabase", "admin"), new RoleRef("readWrite", "db1"));

        SessionPreview.Result r = SessionPreview.judge(SEED, ALICE, SessionPreview.UserState.AUTO_ACTIVE, same);

        assertTrue(r.command().isEmpty());
        assertTrue(r.outcome().contains("changes nothing"));
    }
}
