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
 * would pass 16 MB): the tagged usersInfo, the exact-match usersInfo for lock state (without
 * customData, which the first call already brought), and one {@code $currentOp} per node (one on a
 * standalone; every member or router, in parallel, otherwise); they are joined here. Users that are not tagged never appear.
 */
public final class AutoUserLister {
    /** Pages learnt from the last listing aim at this size, leaving room for growth. */
    static final long PAGE_TARGET_BYTES = 8L * 1024 * 1024;

    private final MongoGateway gateway;
    /** Name ranges that fitted last time; a console that refreshes reuses them instead of rediscovering. */
    private volatile List<UserPage> learnedPages = List.of(UserPage.all());

    public AutoUserLister(MongoGateway gateway) {
        this.gateway = gateway;
    }

    public AutoUserListing list() {
        long before = gateway.roundTripsOnThisThread();
        Instant takenAt = Instant.now();
        UsersInfoReader reader = new UsersInfoReader(gateway);
        List<Document> tagged = reader.taggedUsers(learnedPages);
        List<String> names = tagged.stream().map(u -> u.getString("user")).sorted().toList();
        learnedPages = pagesFor(names, reader.bytesPerUser());
        Map<String, Document> detailed = names.isEmpty() ? Map.of() : reader.withRestrictions(names, false);
        for (Document user : tagged) {
            Document details = detailed.get(user.getString("user"));
            if (details != null && !details.containsKey("customData")) {
                details.put("customData", user.get("customData"));
            }
        }
        SessionCensus census = SessionProbe.census(gateway);
        long started = cpuNanos();
        List<AutoUser> users = join(names, detailed, census.sessionsByUser());
        Duration buildTime = Duration.ofNanos(cpuNanos() - started);
        int roundTrips = (int) (gateway.roundTripsOnThisThread() - before);
        if (census.roundTrips() > 1) {
            // The members were asked on other threads, which this thread's count does not see.
            roundTrips += census.roundTrips();
        }
        return new AutoUserListing(users, takenAt, roundTrips, buildTime, census.answers(), java.util.Map.of(),
                census.unlistedWarning());
    }

    /**
     * CPU time of this thread where the JVM measures it (wall time otherwise): the client's own
     * work, not the time the operating system gave to other processes meanwhile.
     */
    static long cpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** Name ranges that split {@code sortedNames} into pages of about {@link #PAGE_TARGET_BYTES}. */
    static List<UserPage> pagesFor(List<String> sortedNames, long bytesPerUser) {
        int perPage = (int) Math.max(1, PAGE_TARGET_BYTES / Math.max(1, bytesPerUser));
        if (sortedNames.size() <= perPage) {
            return List.of(UserPage.all());
        }
        List<UserPage> pages = new ArrayList<>();
        java.util.Optional<String> from = java.util.Optional.empty();
        for (int next = perPage; next < sortedNames.size(); next += perPage) {
            java.util.Optional<String> to = java.util.Optional.of(sortedNames.get(next));
            pages.add(UserPage.of(new NameRange(from, to)));
            from = to;
        }
        pages.add(UserPage.of(new NameRange(from, java.util.Optional.empty())));
        return pages;
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
