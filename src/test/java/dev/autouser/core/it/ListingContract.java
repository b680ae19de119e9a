package dev.autouser.core.it;

import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.provisioning.AutoUser;
import dev.autouser.core.provisioning.AutoUserLister;
import dev.autouser.core.provisioning.AutoUserListing;
import dev.autouser.core.provisioning.RoleRef;
import dev.autouser.core.provisioning.SessionProbe;
import dev.autouser.core.provisioning.UserState;
import dev.autouser.testsupport.MongoTarget;
import dev.autouser.testsupport.SeededContract;
import dev.autouser.testsupport.Seeds;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Listing against a server: every state, never a user Teleport does not manage, three round trips. */
abstract class ListingContract extends SeededContract {
    private static Optional<AutoUser> find(AutoUserListing listing, String teleportName) {
        return listing.find("CN=" + teleportName);
    }

    @Test
    void listsAutoUsersInEveryStateWithRolesAndSessions() {
        String idle = seeds.autoUser("idle", false, "readWrite@db1", "read@admin");
        String locked = seeds.autoUser("locked", true);
        String active = seeds.autoUser("active", false, "read@db1");
        seeds.connect(active, "psql-ish-app");
        seeds.connect(active, "second-app");
        try (MongoGateway admin = seeds.gatewayAs(MongoTarget.TELEPORT_ADMIN)) {
            AutoUserListing listing = new AutoUserLister(admin).list();
            AutoUser idleUser = find(listing, idle).orElseThrow();
            assertEquals(UserState.NOT_CLEANED_UP, idleUser.state());
            assertEquals(List.of(new RoleRef("read", "admin"), new RoleRef("readWrite", "db1")), idleUser.roles());
            assertEquals(idle, idleUser.teleportName());
            assertEquals(new Document("teleport-auto-user", true), idleUser.customData());
            AutoUser lockedUser = find(listing, locked).orElseThrow();
            assertEquals(UserState.LOCKED, lockedUser.state());
            assertTrue(lockedUser.locked());
            AutoUser activeUser = find(listing, active).orElseThrow();
            assertEquals(UserState.ACTIVE, activeUser.state());
            assertEquals(2, activeUser.connectionCount());
            assertTrue(activeUser.appNames().containsAll(List.of("psql-ish-app", "second-app")), activeUser.appNames().toString());
            assertTrue(activeUser.clientAddresses().get(0).matches(".+:\\d+"), activeUser.clientAddresses().toString());
        }
    }

    @Test
    void usersTeleportDoesNotManageNeverAppear() {
        String untagged = seeds.plainUser("human", null);
        String tagFalse = seeds.plainUser("tagfalse", new Document("teleport-auto-user", false));
        String tagString = seeds.plainUser("tagstring", new Document("teleport-auto-user", "true"));
        String auto = seeds.autoUser("auto", false);
        try (MongoGateway admin = seeds.gatewayAs(MongoTarget.TELEPORT_ADMIN)) {
            AutoUserListing listing = new AutoUserLister(admin).list();
            assertTrue(find(listing, auto).isPresent());
            assertFalse(find(listing, untagged).isPresent());
            assertFalse(find(listing, tagFalse).isPresent());
            assertFalse(find(listing, tagString).isPresent());
            assertFalse(listing.find("CN=" + MongoTarget.DBA).isPresent());
            assertFalse(listing.find("CN=" + MongoTarget.TELEPORT_ADMIN).isPresent());
        }
    }

    @Test
    void listingTakesThreeRoundTrips() {
        seeds.autoUser("one", false);
        seeds.autoUser("two", true);
        try (MongoGateway admin = seeds.gatewayAs(MongoTarget.TELEPORT_ADMIN)) {
            assertEquals(3, new AutoUserLister(admin).list().roundTrips());
        }
    }

    @Test
    void remoteUserFromAnotherClusterIsRecognised() {
        String user = Seeds.unique("alice").replace("-", "_");
        String name = "remote-" + user + "-root-cluster.example.com";
        seeds.track(name);
        target().dba().getDatabase("$external").runCommand(new Document("createUser", "CN=" + name)
                .append("roles", List.of()).append("customData", new Document("teleport-auto-user", true)));
        try (MongoGateway admin = seeds.gatewayAs(MongoTarget.TELEPORT_ADMIN)) {
            AutoUser autoUser = new AutoUserLister(admin).list().find("CN=" + name).orElseThrow();
            assertEquals(Optional.of("root-cluster.example.com"), autoUser.rootCluster());
            assertEquals(user, autoUser.teleportUser());
        }
    }

    /**
     * Users with 10 KB of customData each: 2,000 of them make a tagged usersInfo reply of about
     * 20 MB, which MongoDB refuses (BSONObjectTooLarge); the listing pages by name range instead.
     */
    @Test
    void listingPagesWhenOneReplyWouldPassSixteenMegabytes() {
        String padding = "x".repeat(10_000);
        String first = null;
        for (int i = 0; i < 2_000; i++) {
            String name = Seeds.unique("big");
            first = first == null ? name : first;
            seeds.track(name);
            target().dba().getDatabase("$external").runCommand(new Document("createUser", "CN=" + name)
                    .append("roles", List.of())
                    .append("customData", new Document("teleport-auto-user", true).append("note", padding)));
        }
        try (MongoGateway admin = seeds.gatewayAs(MongoTarget.TELEPORT_ADMIN)) {
            AutoUserListing listing = new AutoUserLister(admin).list();
            long big = listing.users().stream().filter(u -> u.mongoName().contains("-big-")).count();
            assertEquals(2_000, big);
            assertTrue(listing.roundTrips() > 3, "paged listing took " + listing.roundTrips() + " round trips");
            assertEquals(padding, listing.find("CN=" + first).orElseThrow().customData().getString("note"));
        }
    }

    /**
     * Listing decodes only the fields it shows (issue 13: memory at 100,000 users); it must give
     * exactly the users a listing from whole, fully decoded usersInfo documents gives.
     */
    @Test
    void listingFromTrimmedRepliesEqualsListingFromWholeDocuments() {
        List<String> names = List.of(
                "CN=" + seeds.autoUser("trim-idle", false, "readWrite@db1", "read@admin"),
                "CN=" + seeds.autoUser("trim-locked", true, "read@db1"),
                "CN=" + seeds.autoUser("trim-active", false));
        seeds.connect(names.get(2).substring(3), "trim-app");
        try (MongoGateway admin = seeds.gatewayAs(MongoTarget.TELEPORT_ADMIN)) {
            List<AutoUser> listed = new AutoUserLister(admin).list().users().stream()
                    .filter(u -> names.contains(u.mongoName())).toList();
            List<Document> whole = admin.run("$external", new Document("usersInfo",
                            names.stream().map(n -> new Document("user", n).append("db", "$external")).toList())
                            .append("showAuthenticationRestrictions", true).append("showCustomData", true),
                    "read users").getList("users", Document.class);
            java.util.Map<String, Document> byName = new java.util.HashMap<>();
            whole.forEach(u -> byName.put(u.getString("user"), u));
            List<AutoUser> expected = AutoUserLister.join(names, byName, SessionProbe.sessionsByUser(admin));
            assertEquals(3, listed.size());
            assertEquals(expected, listed);
        }
    }
}
