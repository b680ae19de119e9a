package dev.autouser.sandbox;

import dev.autouser.core.pki.DevPki;
import dev.autouser.sandbox.security.SecurityState;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A sandbox deployment of several nodes in one process: a replica set of N members, or M mongos
 * routers in front of one store. Every node has its own port, TLS listener, connections and
 * {@code $currentOp}; they share one user and role store, as {@code admin.system.users} is
 * replicated to every member (or kept on the config servers behind every router).
 * <pre>
 * try (SandboxCluster set = SandboxCluster.replicaSet(3).tls(pki).start()) { set.connectionString(); }
 * </pre>
 */
public final class SandboxCluster implements AutoCloseable {
    public static final String DEFAULT_SET_NAME = "rs0";
    public static final int MAX_MEMBERS = 7;
    /** mongos's default {@code userCacheInvalidationIntervalSecs}. */
    public static final java.time.Duration DEFAULT_USER_CACHE_INTERVAL = java.time.Duration.ofSeconds(30);

    /** What the nodes are. */
    public enum Kind { STANDALONE, REPLICA_SET, SHARDED }

    private final Kind kind;
    private final List<SandboxServer> nodes;
    private final ReplicaSet replicaSet;
    private final SecurityState security;
    private final boolean tls;

    private SandboxCluster(Kind kind, List<SandboxServer> nodes, ReplicaSet replicaSet, SecurityState security,
                           boolean tls) {
        this.kind = kind;
        this.nodes = List.copyOf(nodes);
        this.replicaSet = replicaSet;
        this.security = security;
        this.tls = tls;
    }

    /** N replica-set members (1..7). */
    public static Builder replicaSet(int members) {
        if (members < 1 || members > MAX_MEMBERS) {
            throw new IllegalArgumentException("A replica set has 1 to " + MAX_MEMBERS + " members, not " + members + ".");
        }
        return new Builder(Kind.REPLICA_SET, members);
    }

    /** M mongos routers (1..7) in front of one sharded store. */
    public static Builder routers(int count) {
        if (count < 1 || count > MAX_MEMBERS) {
            throw new IllegalArgumentException("Between 1 and " + MAX_MEMBERS + " mongos routers, not " + count + ".");
        }
        return new Builder(Kind.SHARDED, count);
    }

    /** One standalone mongod, for code that handles every kind the same way. */
    public static Builder standalone() {
        return new Builder(Kind.STANDALONE, 1);
    }

    /** A single server already running, seen as a one-node standalone deployment. */
    static SandboxCluster of(SandboxServer server) {
        return new SandboxCluster(Kind.STANDALONE, List.of(server), null, server.security(), server.pki().isPresent());
    }

    public Kind kind() {
        return kind;
    }

    public List<SandboxServer> nodes() {
        return nodes;
    }

    public SandboxServer node(int index) {
        return nodes.get(index);
    }

    /** The node listed first: the member or router the {@code ready} line names. */
    public SandboxServer first() {
        return nodes.get(0);
    }

    public SecurityState security() {
        return security;
    }

    /** {@code localhost:PORT} of every node, in order. */
    public List<String> hosts() {
        return nodes.stream().map(n -> "localhost:" + n.port()).toList();
    }

    /**
     * What a client gives the driver: the seed list, plus {@code replicaSet=} for a replica set, plus
     * {@code tls=true} with TLS.
     */
    public String connectionString() {
        return connectionString(false);
    }

    /** With {@code firstHostOnly}: the first node as the only seed (enough for a {@code replicaSet=} URI). */
    public String connectionString(boolean firstHostOnly) {
        List<String> options = new ArrayList<>();
        if (kind == Kind.REPLICA_SET) {
            options.add("replicaSet=" + replicaSet.name());
        }
        if (tls) {
            options.add("tls=true");
        }
        return "mongodb://" + (firstHostOnly ? hosts().get(0) : String.join(",", hosts())) + "/"
                + (options.isEmpty() ? "" : "?" + String.join("&", options));
    }

    /** The primary's index, or -1 (not a replica set, or no member up). */
    public int primaryIndex() {
        return replicaSet == null ? -1 : replicaSet.primary();
    }

    /** The primary steps down; the next member that is up becomes primary. */
    public void stepDown() {
        requireReplicaSet().stepDown();
    }

    /** Takes node {@code index} down: its listener and connections close, a primary is replaced. */
    public void stop(int index) {
        nodes.get(index).suspend();
        if (replicaSet != null) {
            replicaSet.stopped(index);
        }
    }

    /** Brings node {@code index} back on its port. */
    public void start(int index) {
        nodes.get(index).resume();
        if (replicaSet != null) {
            replicaSet.started(index);
        }
    }

    /**
     * Replication lag on secondary {@code index}: until {@link #resumeReplication} it keeps
     * authenticating and answering {@code usersInfo} from the users and roles it had applied (a user
     * locked or dropped on the primary meanwhile can still log in there), it no longer counts towards
     * {@code w: "majority"}, and its {@code replSetGetStatus} optime stays behind: a slow secondary.
     * MongoDB's delayed members ({@code secondaryDelaySecs}) are {@link Builder#delayed}.
     */
    public void pauseReplication(int index) {
        requireReplicaSet().pauseReplication(index);
    }

    /** The lagging member applies everything it missed, at once. */
    public void resumeReplication(int index) {
        requireReplicaSet().resumeReplication(index);
    }

    /** Seeds documents on every node (each node keeps its own copy of the data). */
    public void insertDocuments(String db, String collection, List<de.bwaldvogel.mongo.bson.Document> documents) {
        nodes.forEach(node -> node.insertDocuments(db, collection,
                documents.stream().map(de.bwaldvogel.mongo.bson.Document::cloneDeeply).collect(Collectors.toList())));
    }

    private ReplicaSet requireReplicaSet() {
        if (replicaSet == null) {
            throw new IllegalStateException("Not a replica set.");
        }
        return replicaSet;
    }

    @Override
    public void close() {
        nodes.forEach(SandboxServer::close);
    }

    /** Options; ports are consecutive from {@code firstPort} (0: each node picks a free one). */
    public static final class Builder {
        private final Kind kind;
        private final int size;
        private int firstPort;
        private DevPki pki;
        private String version = SandboxServer.DEFAULT_VERSION;
        private String setName = DEFAULT_SET_NAME;
        private final java.util.Set<Integer> hidden = new java.util.TreeSet<>();
        private final java.util.Map<Integer, java.time.Duration> delays = new java.util.TreeMap<>();
        private java.time.Clock delayClock = java.time.Clock.systemUTC();
        private java.time.Duration userCacheInterval = DEFAULT_USER_CACHE_INTERVAL;
        private java.util.function.Consumer<SandboxServer.Builder> nodeOptions = node -> { };

        private Builder(Kind kind, int size) {
            this.kind = kind;
            this.size = size;
        }

        public Builder firstPort(int port) {
            if (port < 0 || port + size - 1 > 65_535) {
                throw new IllegalArgumentException("Ports " + port + ".." + (port + size - 1) + " are not all valid.");
            }
            this.firstPort = port;
            return this;
        }

        public Builder tls(DevPki devPki) {
            this.pki = Objects.requireNonNull(devPki, "devPki");
            return this;
        }

        public Builder serverVersion(String serverVersion) {
            this.version = Objects.requireNonNull(serverVersion, "serverVersion");
            return this;
        }

        /**
         * Makes replica-set members hidden, as {@code members[n].hidden: true} (priority 0) in a real
         * set's config: no {@code hello} lists them, they are never elected, a client reaches one only
         * by connecting to it directly; {@code replSetGetConfig} names them. Members 1..N-1.
         */
        public Builder hidden(int... members) {
            if (kind != Kind.REPLICA_SET) {
                throw new IllegalStateException("Only a replica set has hidden members.");
            }
            for (int member : members) {
                hidden.add(member);
            }
            return this;
        }

        /**
         * Makes a replica-set member delayed, as {@code members[n].secondaryDelaySecs} (priority 0) in
         * a real set's config: no {@code hello} lists it (mongod's fillHelloForReplSet leaves delayed
         * members out like hidden ones), it is never elected, its own {@code hello} says
         * {@code secondaryDelaySecs}, and each user or role change reaches it {@code delay} after the
         * primary made it: until then it authenticates against the old users. Members 1..N-1.
         */
        public Builder delayed(int member, java.time.Duration delay) {
            if (kind != Kind.REPLICA_SET) {
                throw new IllegalStateException("Only a replica set has delayed members.");
            }
            if (delay.toSeconds() < 1) {
                throw new IllegalArgumentException("secondaryDelaySecs is a whole number of seconds, at least 1, not " + delay + ".");
            }
            delays.put(member, delay);
            return this;
        }

        /**
         * The clock by which delayed members apply writes (the system's by default): a test's own
         * clock lets the delay pass at once, with nothing left to the machine's timing.
         */
        public Builder delayClock(java.time.Clock clock) {
            this.delayClock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How long a router may serve a cached user (mongos's {@code userCacheInvalidationIntervalSecs},
         * 30 s by default): a lock or drop made through another router reaches this one's
         * authorization at most this late, unless {@code invalidateUserCache} is run on it.
         */
        public Builder userCacheInvalidationInterval(java.time.Duration interval) {
            if (kind != Kind.SHARDED) {
                throw new IllegalStateException("Only a mongos router caches users.");
            }
            this.userCacheInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /**
         * Options applied to every node's {@link SandboxServer.Builder} (e.g. {@code host},
         * {@code localhostAuthBypass}, {@code accessControl}); the cluster sets port, version,
         * store, role and TLS itself.
         */
        public Builder eachNode(java.util.function.Consumer<SandboxServer.Builder> options) {
            this.nodeOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        public Builder setName(String name) {
            this.setName = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Binds every node; on a failure the nodes already started are closed again. */
        public SandboxCluster start() {
            SecurityState security = new SecurityState();
            ReplicaSet replicaSet = kind == Kind.REPLICA_SET ? new ReplicaSet(setName, size, security, hidden, delays, delayClock) : null;
            ClusterClock routerClock = new ClusterClock();
            List<SandboxServer> nodes = new ArrayList<>();
            try {
                for (int i = 0; i < size; i++) {
                    NodeRole role = switch (kind) {
                        case REPLICA_SET -> replicaSet.member(i);
                        case SHARDED -> new RouterRole(routerClock);
                        case STANDALONE -> NodeRole.STANDALONE;
                    };
                    SandboxServer.Builder builder = SandboxServer.builder().port(firstPort == 0 ? 0 : firstPort + i)
                            .serverVersion(version).security(replicaSet != null ? replicaSet.view(i)
                                    : kind == Kind.SHARDED ? SecurityState.routerOf(security, userCacheInterval) : security)
                            .role(role);
                    nodeOptions.accept(builder);
                    if (pki != null) {
                        builder.tls(pki);
                    }
                    SandboxServer node = builder.build().start();
                    nodes.add(node);
                    if (replicaSet != null) {
                        replicaSet.listening(i, "localhost:" + node.port());
                    }
                }
            } catch (RuntimeException e) {
                nodes.forEach(SandboxServer::close);
                throw e;
            }
            return new SandboxCluster(kind, nodes, replicaSet, security, pki != null);
        }
    }
}
