package dev.autouser.core.provisioning;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListingJoinTest {
    static Document user(String name, boolean auto, List<Document> restrictions, String... roles) {
        List<Document> roleDocs = new ArrayList<>();
        for (String role : roles) {
            RoleRef ref = RoleRef.parse(role);
            roleDocs.add(ref.toDocument());
        }
        Document user = new Document("_id", "$external." + name).append("user", name).append("db", "$external")
                .append("roles", roleDocs).append("authenticationRestrictions", restrictions);
        if (auto) {
            user.append("customData", new Document("teleport-auto-user", true));
        }
        return user;
    }

    static List<Document> lockedRestriction() {
        return List.of(new Document("clientSource", List.of("0.0.0.0")));
    }

    @Test
    void joinsRolesLockStateAndSessions() {
        Map<String, Document> detailed = new HashMap<>();
        detailed.put("CN=alice", user("CN=alice", true, List.of(), "readWrite@sales", "read@admin"));
        detailed.put("CN=bob", user("CN=bob", true, lockedRestriction()));
        detailed.put("CN=carol", user("CN=carol", true, List.of()));
        Map<String, List<LiveSession>> sessions = Map.of("CN=alice",
                List.of(new LiveSession(7, "10.0.0.5:5000", "mongosh")));
        List<AutoUser> users = AutoUserLister.join(List.of("CN=alice", "CN=bob", "CN=carol"), detailed, sessions);
        assertEquals(List.of(UserState.ACTIVE, UserState.LOCKED, UserState.NOT_CLEANED_UP),
                users.stream().map(AutoUser::state).toList());
        assertEquals(List.of(new RoleRef("read", "admin"), new RoleRef("readWrite", "sales")), users.get(0).roles());
        assertEquals(List.of("10.0.0.5:5000"), users.get(0).clientAddresses());
    }

    @Test
    void userDroppedOrUntaggedBetweenCallsIsNotListed() {
        Map<String, Document> detailed = Map.of("CN=dba", user("CN=dba", false, List.of()));
        assertTrue(AutoUserLister.join(List.of("CN=gone", "CN=dba"), detailed, Map.of()).isEmpty());
    }

    @Test
    void lockedUserWithLiveConnectionIsActive() {
        Map<String, Document> detailed = Map.of("CN=bob", user("CN=bob", true, lockedRestriction()));
        AutoUser bob = AutoUserLister.join(List.of("CN=bob"), detailed,
                Map.of("CN=bob", List.of(new LiveSession(1, "10.0.0.1:1", "")))).get(0);
        assertTrue(bob.locked());
        assertEquals(UserState.ACTIVE, bob.state());
    }

    @Test
    void teleportsOldUnlockedRestrictionIsNotALock() {
        Document old = user("CN=old", true, List.of(new Document("clientSource", List.of("0.0.0.0/0"))));
        assertFalse(UserRecords.isLocked(old));
    }

    @Test
    void nestedRestrictionListsAreUnderstood() {
        Document nested = user("CN=n", true, List.of());
        nested.put("authenticationRestrictions", List.of(lockedRestriction()));
        assertTrue(UserRecords.isLocked(nested));
    }

    @Test
    void sessionsAreGroupedByExternalUserOnce() {
        List<Document> ops = List.of(
                op(1, "CN=alice", "$external", "10.0.0.1:1"),
                op(1, "CN=alice", "$external", "10.0.0.1:1"),
                op(2, "CN=alice", "$external", "10.0.0.2:2"),
                op(3, "admin", "admin", "10.0.0.3:3"));
        Map<String, List<LiveSession>> grouped = SessionProbe.group(ops);
        assertEquals(2, grouped.get("CN=alice").size());
        assertFalse(grouped.containsKey("admin"));
    }

    @Test
    void joinOfTenThousandUsersKeepsEveryUserWithItsLockAndSessions() {
        // How fast this is gets measured by scripts/benchmark.sh, not asserted here.
        List<String> names = new ArrayList<>();
        Map<String, Document> detailed = new HashMap<>();
        Map<String, List<LiveSession>> sessions = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            String name = String.format("CN=user%05d", i);
            names.add(name);
            detailed.put(name, user(name, true, i % 3 == 0 ? lockedRestriction() : List.of(), "readWrite@db" + (i % 7)));
            if (i % 10 == 0) {
                sessions.put(name, List.of(new LiveSession(i, "10.0.0.1:" + i, "app")));
            }
        }

        List<AutoUser> users = AutoUserLister.join(names, detailed, sessions);

        assertEquals(10_000, users.size());
        assertEquals(3_334, users.stream().filter(AutoUser::locked).count());
        assertEquals(1_000, users.stream().filter(u -> !u.sessions().isEmpty()).count());
    }

    private static Document op(long id, String user, String db, String client) {
        return new Document("connectionId", id).append("client", client)
                .append("effectiveUsers", List.of(new Document("user", user).append("db", db)));
    }
}
