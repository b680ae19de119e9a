package dev.autouser.core.provisioning;

import dev.autouser.core.ConsoleException;
import dev.autouser.core.mongo.Deployment;
import dev.autouser.core.mongo.MongoGateway;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether every member of a replica set has applied the console's locks. A member authenticates
 * against its own copy of {@code admin.system.users}: until the lock reaches it (replication lag,
 * a delayed member), a locked user can still log in there, so a session check right after the lock
 * would not be the last word. {@code w: "majority"} only waits for a majority; this asks each other
 * data-bearing member with {@code usersInfo} (one command per member, all users of the group),
 * again every {@value #POLL_MILLIS} ms, up to the connection's timeout.
 */
final class LockReplication {
    static final long POLL_MILLIS = 100;

    private LockReplication() {
    }

    /**
     * User → the members that had not applied its lock when the wait ended (empty when every
     * member has, or when there is no replica set: a standalone has no copy, and a mongos reads
     * the config servers).
     */
    static Map<String, List<Deployment.Node>> notAppliedEverywhere(MongoGateway gateway, List<String> names) {
        Deployment deployment = gateway.deployment();
        if (deployment.kind() != Deployment.Kind.REPLICA_SET || names.isEmpty()) {
            return Map.of();
        }
        List<Deployment.Node> members = deployment.sessionNodes().stream()
                .filter(n -> n.role() != Deployment.NodeRole.PRIMARY).toList();
        long deadline = System.nanoTime() + gateway.timeout().toNanos();
        Map<String, List<Deployment.Node>> lagging = check(gateway, members, names);
        while (!lagging.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            List<Deployment.Node> behind = lagging.values().stream().flatMap(List::stream).distinct().toList();
            lagging = check(gateway, behind, List.copyOf(lagging.keySet()));
        }
        return lagging;
    }

    private static Map<String, List<Deployment.Node>> check(MongoGateway gateway, List<Deployment.Node> members,
                                                           List<String> names) {
        Map<String, List<Deployment.Node>> lagging = new LinkedHashMap<>();
        for (Deployment.Node member : members) {
            for (String name : notLockedOn(gateway, member, names)) {
                lagging.computeIfAbsent(name, n -> new ArrayList<>()).add(member);
            }
        }
        return lagging;
    }

    /**
     * Users the member still lets log in: present there without the lock. A member not answering
     * counts as behind, unless the person chose to act without it ({@code --allow-unverified}).
     */
    private static List<String> notLockedOn(MongoGateway gateway, Deployment.Node member, List<String> names) {
        List<Document> users;
        try {
            users = gateway.runOn(member, UserCommands.EXTERNAL, UserCommands.usersInfoExact(names, false),
                    "check that " + member.host() + " applied the lock").getList("users", Document.class, List.of());
        } catch (ConsoleException e) {
            return gateway.unverifiedAllowed().contains(member.host()) ? List.of() : names;
        }
        return users.stream().filter(u -> !UserRecords.isLocked(u)).map(u -> u.getString("user"))
                .filter(names::contains).toList();
    }

    /**
     * Why members still let a locked user log in, and until when: a lagging member until it has
     * caught up; a delayed one ({@code secondaryDelaySecs}) applies every write that long after the
     * primary, so no wait within the connection's timeout can see the lock there.
     */
    record Behind(String members, String until) {
    }

    static Behind behind(List<Deployment.Node> members, java.time.Duration waited) {
        List<Deployment.Node> delayed = members.stream().filter(Deployment.Node::isDelayed).toList();
        List<Deployment.Node> lagging = members.stream().filter(n -> !n.isDelayed()).toList();
        List<String> why = new ArrayList<>();
        if (!lagging.isEmpty()) {
            why.add(describe(lagging) + (lagging.size() == 1 ? " has" : " have") + " not applied the lock after "
                    + waited.toSeconds() + " s (replication lag)");
        }
        long longestDelay = delayed.stream().mapToLong(n -> n.delay().toSeconds()).max().orElse(0);
        for (Deployment.Node member : delayed) {
            why.add(member.describe() + " applies every write " + member.delay().toSeconds()
                    + " s after the primary (secondaryDelaySecs)");
        }
        String passed = longestDelay + " s have passed since the lock";
        String until = delayed.isEmpty() ? "the member has caught up"
                : lagging.isEmpty() ? passed : "the lagging member has caught up and " + passed;
        return new Behind(String.join("; ", why), until);
    }

    /** "localhost:27018 (secondary)" or "a, b". */
    static String describe(List<Deployment.Node> members) {
        return String.join(", ", members.stream().map(Deployment.Node::describe).toList());
    }
}
