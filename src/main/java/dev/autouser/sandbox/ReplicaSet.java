package dev.autouser.sandbox;

import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.exception.MongoServerError;
import dev.autouser.sandbox.security.SecurityState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The replication state N sandbox members share: the set's name and hosts, which member is primary
 * (its election term), which members are up, and the cluster clock. The members are in one process,
 * so replication is instant unless a member's replication is paused (a lagging secondary: it keeps
 * serving what it had applied, and does not acknowledge writes); elections are instant too (a
 * stopped primary is replaced at once; a lagging member catches up when elected).
 */
final class ReplicaSet {
    static final int NOT_WRITABLE_PRIMARY = 10107;
    static final int WRITE_CONCERN_FAILED = 64;
    private static final int SET_VERSION = 1;

    private final String name;
    private final List<String> hosts = new ArrayList<>();
    private final List<TopologyVersion> versions = new ArrayList<>();
    private final List<Boolean> up = new ArrayList<>();
    /** Each member's view of the user store; a paused one serves a frozen copy. */
    private final List<SecurityState> views = new ArrayList<>();
    /** When a member's replication was paused (its last applied optime), or null while it follows. */
    private final List<BsonTimestamp> appliedUntil = new ArrayList<>();
    /**
     * Hidden members (priority 0): in no member's {@code hosts}, never elected; their own {@code hello}
     * says {@code hidden: true} and {@code passive: true}, as mongod's TopologyCoordinator fills it.
     */
    private final java.util.Set<Integer> hidden;
    /**
     * Delayed members ({@code secondaryDelaySecs}, priority 0): in no member's {@code hosts} either,
     * never elected; their own {@code hello} says {@code passive: true} and {@code secondaryDelaySecs};
     * each write reaches their copy of the users that long after the primary applied it.
     */
    private final java.util.Map<Integer, java.time.Duration> delays;
    private final ClusterClock clock = new ClusterClock();
    private final Instant started = Instant.now();
    private int primary;
    private long term = 1;

    ReplicaSet(String name, int size, SecurityState store, java.util.Set<Integer> hidden,
               java.util.Map<Integer, java.time.Duration> delays, java.time.Clock delayClock) {
        this.name = name;
        this.hidden = java.util.Set.copyOf(hidden);
        this.delays = java.util.Map.copyOf(delays);
        java.util.Set<Integer> priorityZero = new java.util.TreeSet<>(this.hidden);
        priorityZero.addAll(this.delays.keySet());
        if (priorityZero.contains(0) || priorityZero.stream().anyMatch(i -> i < 0 || i >= size)) {
            throw new IllegalArgumentException("A hidden or delayed member is one of members 1.." + (size - 1)
                    + " (member 0 starts as primary, and such a member can never be primary), not " + priorityZero + ".");
        }
        for (int i = 0; i < size; i++) {
            hosts.add("");
            versions.add(new TopologyVersion());
            up.add(true);
            java.time.Duration delay = this.delays.get(i);
            views.add(delay == null ? SecurityState.memberOf(store) : SecurityState.delayedMemberOf(store, delay, delayClock));
            appliedUntil.add(null);
        }
    }

    /** Priority 0 (hidden or delayed): never elected, never listed by {@code hello}. */
    private boolean unlisted(int member) {
        return hidden.contains(member) || delays.containsKey(member);
    }

    /** What member {@code index} authenticates and authorizes against. */
    SecurityState view(int index) {
        return views.get(index);
    }

    /** A secondary stops applying the primary's writes (replication lag) until {@link #resumeReplication}. */
    synchronized void pauseReplication(int member) {
        if (member == primary) {
            throw new IllegalStateException("The primary takes the writes; only a secondary can lag.");
        }
        views.get(member).pauseReplication();
        if (appliedUntil.get(member) == null) {
            appliedUntil.set(member, clock.now());
        }
    }

    synchronized void resumeReplication(int member) {
        views.get(member).resumeReplication();
        appliedUntil.set(member, null);
        notifyAll();
    }

    /**
     * A write's {@code writeConcern}: {@code w: "majority"} (or a number) waits until that many
     * members have applied it, at most {@code wtimeout} ms (none: as long as it takes), then the
     * reply carries a {@code writeConcernError} as mongod's does; the write itself stays applied.
     */
    void awaitWriteConcern(Document command, Document reply) {
        views.forEach(SecurityState::writeApplied);
        if (!(command.get("writeConcern") instanceof Document concern)) {
            return;
        }
        Object w = concern.get("w");
        long timeoutMillis = concern.get("wtimeout") instanceof Number n ? n.longValue() : 0;
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (this) {
            int needed = "majority".equals(w) ? hosts.size() / 2 + 1 : w instanceof Number n ? n.intValue() : 1;
            while (acknowledging() < needed) {
                long left = deadline - System.nanoTime();
                if (timeoutMillis > 0 && left <= 0) {
                    reply.put("writeConcernError", new Document("code", WRITE_CONCERN_FAILED)
                            .append("codeName", "WriteConcernFailed").append("errmsg", "waiting for replication timed out")
                            .append("errInfo", new Document("wtimeout", true).append("writeConcern", concern)));
                    return;
                }
                try {
                    wait(timeoutMillis > 0 ? Math.max(1, java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(left)) : 0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Members that have applied the latest write: up, not lagging and not delayed (it applies it later). */
    private int acknowledging() {
        int count = 0;
        for (int i = 0; i < hosts.size(); i++) {
            if (up.get(i) && appliedUntil.get(i) == null && !delays.containsKey(i)) {
                count++;
            }
        }
        return count;
    }

    String name() {
        return name;
    }

    synchronized void listening(int member, String host) {
        hosts.set(member, host);
    }

    synchronized List<String> hosts() {
        return List.copyOf(hosts);
    }

    /** What {@code hello} lists: every member but the hidden and the delayed ones. */
    private List<String> listedHosts() {
        List<String> listed = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            if (!unlisted(i)) {
                listed.add(hosts.get(i));
            }
        }
        return listed;
    }

    synchronized int primary() {
        return primary;
    }

    NodeRole member(int index) {
        return new Member(index);
    }

    /** The primary steps down and the next member that is up wins the election (a new term). */
    synchronized void stepDown() {
        int next = nextUp(primary);
        if (next < 0) {
            throw new IllegalStateException("No other member is up to become primary.");
        }
        elect(next);
    }

    synchronized void stopped(int member) {
        up.set(member, false);
        if (member == primary) {
            int next = nextUp(member);
            if (next >= 0) {
                elect(next);
            } else {
                primary = -1;
            }
        }
        versions.forEach(TopologyVersion::changed);
    }

    synchronized void started(int member) {
        up.set(member, true);
        versions.get(member).restarted();
        if (primary < 0 && !unlisted(member)) {
            elect(member);
        }
        versions.forEach(TopologyVersion::changed);
        notifyAll();
    }

    private void elect(int member) {
        if (appliedUntil.get(member) != null) {
            resumeReplication(member);
        }
        primary = member;
        term++;
        versions.forEach(TopologyVersion::changed);
    }

    private int nextUp(int from) {
        for (int step = 1; step < hosts.size(); step++) {
            int candidate = (from + step) % hosts.size();
            if (up.get(candidate) && !unlisted(candidate)) {
                return candidate;
            }
        }
        return -1;
    }

    /** MongoDB's OID::fromTerm: the largest timestamp followed by the term. */
    private static ObjectId electionId(long term) {
        return new ObjectId(String.format("7fffffff%016x", term));
    }

    /** One member's view: primary or secondary, its own host and topology version. */
    private final class Member implements NodeRole {
        private final int index;

        Member(int index) {
            this.index = index;
        }

        @Override
        public void describe(Document reply, boolean helloSpelling) {
            synchronized (ReplicaSet.this) {
                boolean isPrimary = index == primary;
                reply.put("topologyVersion", versions.get(index).toDocument());
                reply.put("hosts", listedHosts());
                reply.put("setName", name);
                reply.put("setVersion", SET_VERSION);
                reply.put(helloSpelling ? "isWritablePrimary" : "ismaster", isPrimary);
                reply.put("secondary", !isPrimary);
                if (primary >= 0) {
                    reply.put("primary", hosts.get(primary));
                }
                reply.put("me", hosts.get(index));
                if (unlisted(index)) {
                    reply.put("passive", true);
                }
                if (delays.containsKey(index)) {
                    reply.put("secondaryDelaySecs", delays.get(index).toSeconds());
                }
                if (hidden.contains(index)) {
                    reply.put("hidden", true);
                }
                if (isPrimary) {
                    reply.put("electionId", electionId(term));
                }
                BsonTimestamp last = clock.now();
                Instant lastDate = Instant.ofEpochSecond(last.getTime());
                Document opTime = new Document("ts", last).append("t", term);
                reply.put("lastWrite", new Document("opTime", opTime).append("lastWriteDate", lastDate)
                        .append("majorityOpTime", opTime).append("majorityWriteDate", lastDate));
            }
        }

        @Override
        public void checkWritable(String command) {
            synchronized (ReplicaSet.this) {
                if (index != primary) {
                    throw new MongoServerError(NOT_WRITABLE_PRIMARY, "NotWritablePrimary", "not primary");
                }
            }
            views.forEach(SecurityState::writeStarting);
        }

        @Override
        public Document replSetGetStatus() {
            synchronized (ReplicaSet.this) {
                BsonTimestamp last = clock.now();
                Document opTime = new Document("ts", last).append("t", term);
                List<Document> members = new ArrayList<>();
                for (int i = 0; i < hosts.size(); i++) {
                    boolean healthy = up.get(i);
                    int state = !healthy ? 8 : i == primary ? 1 : 2;
                    Document member = new Document("_id", i).append("name", hosts.get(i))
                            .append("health", healthy ? 1.0 : 0.0).append("state", state)
                            .append("stateStr", !healthy ? "(not reachable/healthy)" : i == primary ? "PRIMARY" : "SECONDARY")
                            .append("uptime", healthy ? (int) (Instant.now().getEpochSecond() - started.getEpochSecond()) : 0);
                    if (healthy) {
                        BsonTimestamp applied = appliedUntil.get(i) != null ? appliedUntil.get(i) : last;
                        member.append("optime", new Document("ts", applied).append("t", term))
                                .append("optimeDate", Instant.ofEpochSecond(applied.getTime()));
                    }
                    if (i == index) {
                        member.append("self", true);
                    }
                    if (healthy && primary >= 0 && i != primary) {
                        member.append("syncSourceHost", hosts.get(primary));
                    }
                    members.add(member);
                }
                return new Document("set", name).append("date", Instant.now()).append("myState", index == primary ? 1 : 2)
                        .append("term", term).append("members", members).append("ok", 1.0);
            }
        }

        /**
         * {@code replSetGetConfig}: every member with the fields MongoDB's config has ({@code hidden},
         * {@code priority} 0 for a hidden or delayed member, {@code secondaryDelaySecs}, {@code votes}).
         */
        @Override
        public Document replSetGetConfig() {
            synchronized (ReplicaSet.this) {
                List<Document> members = new ArrayList<>();
                for (int i = 0; i < hosts.size(); i++) {
                    java.time.Duration delay = delays.getOrDefault(i, java.time.Duration.ZERO);
                    members.add(new Document("_id", i).append("host", hosts.get(i)).append("arbiterOnly", false)
                            .append("buildIndexes", true).append("hidden", hidden.contains(i))
                            .append("priority", unlisted(i) ? 0.0 : 1.0).append("tags", new Document())
                            .append("secondaryDelaySecs", delay.toSeconds()).append("votes", 1));
                }
                Document config = new Document("_id", name).append("version", SET_VERSION).append("term", term)
                        .append("members", members).append("protocolVersion", 1L)
                        .append("writeConcernMajorityJournalDefault", true)
                        .append("settings", new Document("chainingAllowed", true).append("heartbeatIntervalMillis", 2000)
                                .append("heartbeatTimeoutSecs", 10).append("electionTimeoutMillis", 10000));
                return new Document("config", config).append("ok", 1.0);
            }
        }

        @Override
        public void gossip(Document reply, boolean wrote) {
            clock.gossip(reply, wrote);
        }

        @Override
        public void awaitWriteConcern(Document command, Document reply) {
            ReplicaSet.this.awaitWriteConcern(command, reply);
        }

        @Override
        public TopologyVersion topologyVersion() {
            return versions.get(index);
        }
    }
}
