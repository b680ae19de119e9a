package dev.autouser.ui.users;

import dev.autouser.core.provisioning.AutoUser;
import dev.autouser.core.provisioning.AutoUserListing;
import dev.autouser.core.provisioning.LiveSession;
import dev.autouser.core.provisioning.RoleRef;
import dev.autouser.core.provisioning.TeleportName;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** AutoUser values for tests of pure view logic (merging, filtering); no server involved. */
final class TestUsers {
    private TestUsers() {
    }

    static AutoUser notCleanedUp(String teleportName, String... roles) {
        return user(teleportName, false, 0, roles);
    }

    static AutoUser locked(String teleportName) {
        return user(teleportName, true, 0);
    }

    static AutoUser active(String teleportName, int sessions, String... roles) {
        return user(teleportName, false, sessions, roles);
    }

    static AutoUser user(String teleportName, boolean locked, int sessions, String... roles) {
        List<LiveSession> live = java.util.stream.IntStream.range(0, sessions)
                .mapToObj(i -> new LiveSession(100 + i, "10.0.0." + (i + 1) + ":5" + i, i % 2 == 0 ? "mongosh" : "Compass"))
                .toList();
        return new AutoUser("CN=" + teleportName, teleportName, TeleportName.fromMongoName(teleportName).cluster(),
                java.util.Arrays.stream(roles).map(RoleRef::parse).toList(), locked,
                new Document("teleport-auto-user", true), live);
    }

    static AutoUserListing listing(AutoUser... users) {
        return listing(List.of(users));
    }

    static AutoUserListing listing(List<AutoUser> users) {
        return new AutoUserListing(users, Instant.now(), 3, Duration.ZERO);
    }
}
