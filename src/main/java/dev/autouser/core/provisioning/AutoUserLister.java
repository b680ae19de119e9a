package dev.autouser.core.provisioning;

import dev.autouser.core.mongo.MongoGateway;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Lists auto-users with three server calls whatever the number of users (more only when a reply
 * would pass 16 MB): the tagged usersInfo, the exact-match usersInfo for lock state, and one
 * {@code $currentOp}; they are joined here. Users that are not tagged never appear.
 */
public final class AutoUserLister {
    private final MongoGateway gateway;

    public AutoUserLister(MongoGateway gateway) {
        this.gateway = gateway;
    }

    public AutoUserListing list() {
        long before = gateway.roundTripsOnThisThread();
        Instant takenAt = Instant.now();
        UsersInfoReader reader = new UsersInfoReader(gateway);
        List<Document> tagged = reader.taggedUsers();
        List<String> names = tagged.stream().map(u -> u.getString("user")).sorted().toList();
        Map<String, Document> detailed = names.isEmpty() ? Map.of() : reader.withRestrictions(names);
        Map<String, List<LiveSession>> sessions = SessionProbe.sessionsByUser(gateway);
        long started = System.nanoTime();
        List<AutoUser> users = join(names, detailed, sessions);
        Duration buildTime = Duration.ofNanos(System.nanoTime() - started);
        int roundTrips = (int) (gateway.roundTripsOnThisThread() - before);
        return new AutoUserListing(users, takenAt, roundTrips, buildTime);
    }

    /**
     * The client-side join. A user missing from the exact-match reply was dropped between the two
     * calls; one whose tag vanished is no longer an auto-user: neither is listed.
     */
    public static List<AutoUser> join(List<String> names, Map<String, Document> detailed,
                                      Map<String, List<LiveSession>> sessions) {
        List<AutoUser> users = new ArrayList<>(names.size());
        for (String name : names) {
            Document user = detailed.get(name);
            if (user == null || !UserRecords.isAutoUser(user)) {
                continue;
            }
            users.add(toAutoUser(user, sessions.getOrDefault(name, List.of())));
        }
        users.sort(Comparator.comparing(AutoUser::mongoName));
        return users;
    }

    static AutoUser toAutoUser(Document user, List<LiveSession> sessions) {
        String mongoName = user.getString("user");
        TeleportName teleportName = TeleportName.fromMongoName(mongoName);
        return new AutoUser(mongoName, teleportName.teleportName(), teleportName.cluster(),
                RoleRef.fromUserDocument(user), UserRecords.isLocked(user), UserRecords.customData(user), sessions);
    }
}
