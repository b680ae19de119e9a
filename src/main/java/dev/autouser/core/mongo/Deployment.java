package dev.autouser.core.mongo;

import com.mongodb.connection.ClusterDescription;
import com.mongodb.connection.ClusterType;
import com.mongodb.connection.ServerDescription;
import com.mongodb.connection.ServerType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The nodes of the deployment the console talks to, as far as the console can learn them: a
 * replica set's members from {@code hello} ({@code hosts}, {@code passives}, {@code arbiters}), or
 * every {@code mongos} listed in the URI (a router does not know its peers). Hidden and delayed
 * members appear in no {@code hello} (mongod leaves them out of {@code hosts}/{@code passives}), yet
 * a person connected to one directly has a session there: they come from the set's config
 * ({@code replSetGetConfig}, see {@link UnlistedMembers}); when the config cannot be read,
 * {@link #unlistedUnknown} says why. {@code $currentOp} is per node, so every node that can hold a
 * client session must be asked.
 */
public record Deployment(Kind kind, Optional<String> setName, List<Node> nodes, Optional<String> unlistedUnknown) {
    public Deployment {
        nodes = List.copyOf(nodes);
    }

    public Deployment(Kind kind, Optional<String> setName, List<Node> nodes) {
        this(kind, setName, nodes, Optional.empty());
    }

    public enum Kind { STANDALONE, REPLICA_SET, SHARDED }

    /** What a node is; arbiters hold no data and serve no clients' sessions, so they are not asked. */
    public enum NodeRole {
        STANDALONE("standalone"), PRIMARY("primary"), SECONDARY("secondary"), PASSIVE("secondary, priority 0"),
        HIDDEN("hidden"), DELAYED("delayed"), ARBITER("arbiter"), ROUTER("mongos");

        private final String label;

        NodeRole(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One node; {@code delay} is a replica-set member's configured {@code secondaryDelaySecs} (zero
     * but for a delayed member, which applies every write that long after the primary).
     */
    public record Node(String host, NodeRole role, java.time.Duration delay) {
        public Node {
            java.util.Objects.requireNonNull(delay, "delay");
        }

        public Node(String host, NodeRole role) {
            this(host, role, java.time.Duration.ZERO);
        }

        public boolean isDelayed() {
            return !delay.isZero() && !delay.isNegative();
        }

        public boolean servesSessions() {
            return role != NodeRole.ARBITER;
        }

        /** {@code localhost:27018 (secondary)}. */
        public String describe() {
            return host + " (" + role.label() + ")";
        }
    }

    /**
     * From the driver's view of the cluster, which its monitors keep current (a step-down shows up
     * within a heartbeat) at no extra round trip: replica-set members are the union of what every
     * member's {@code hello} lists; routers are the URI's hosts. A member the driver cannot reach
     * stays listed (its role unknown), so it is asked like the others and its silence is seen.
     */
    public static Deployment from(ClusterDescription cluster) {
        List<ServerDescription> servers = cluster.getServerDescriptions();
        if (cluster.getType() == ClusterType.SHARDED || servers.stream().anyMatch(s -> s.getType() == ServerType.SHARD_ROUTER)) {
            return new Deployment(Kind.SHARDED, Optional.empty(),
                    servers.stream().map(s -> new Node(s.getAddress().toString(), NodeRole.ROUTER)).toList());
        }
        Optional<String> setName = servers.stream().map(ServerDescription::getSetName).filter(n -> n != null).findFirst();
        if (setName.isEmpty()) {
            return new Deployment(Kind.STANDALONE, Optional.empty(),
                    servers.stream().map(s -> new Node(s.getAddress().toString(), NodeRole.STANDALONE)).toList());
        }
        java.util.Map<String, NodeRole> roles = new java.util.LinkedHashMap<>();
        for (ServerDescription server : servers) {
            server.getHosts().forEach(h -> roles.putIfAbsent(h, NodeRole.SECONDARY));
            server.getPassives().forEach(h -> roles.put(h, NodeRole.PASSIVE));
            server.getArbiters().forEach(h -> roles.put(h, NodeRole.ARBITER));
        }
        for (ServerDescription server : servers) {
            String host = server.getAddress().toString();
            if (server.getType() == ServerType.REPLICA_SET_PRIMARY) {
                roles.put(host, NodeRole.PRIMARY);
            } else if (server.getType() == ServerType.REPLICA_SET_ARBITER) {
                roles.put(host, NodeRole.ARBITER);
            } else {
                roles.putIfAbsent(host, NodeRole.SECONDARY);
            }
        }
        List<Node> nodes = new ArrayList<>();
        roles.forEach((host, role) -> nodes.add(new Node(host, role)));
        nodes.sort(java.util.Comparator.comparing(Node::host));
        return new Deployment(Kind.REPLICA_SET, setName, nodes);
    }

    /**
     * With the members the set's config has and no {@code hello} lists (hidden, delayed), sorted in;
     * the config's word wins for a host the driver also shows (a hidden member named in the seed list).
     */
    Deployment withUnlisted(List<Node> unlisted) {
        if (unlisted.isEmpty()) {
            return this;
        }
        java.util.Map<String, Node> byHost = new java.util.TreeMap<>();
        nodes.forEach(n -> byHost.put(n.host(), n));
        unlisted.forEach(n -> byHost.put(n.host(), n));
        List<Node> all = new ArrayList<>(byHost.values());
        return new Deployment(kind, setName, all, Optional.empty());
    }

    /** When the set's config could not be read: hidden members may exist that nobody asked. */
    Deployment withUnlistedUnknown(String why) {
        return new Deployment(kind, setName, nodes, Optional.of(why));
    }

    /**
     * "hidden members cannot be seen: ...; a person connected only to one would look idle", when
     * the set's config could not be read; empty otherwise.
     */
    public Optional<String> unlistedWarning() {
        return unlistedUnknown.map(why -> "hidden or delayed members of " + setName.orElse("the replica set")
                + " cannot be seen (" + why + "), so a person connected only to one would look idle");
    }

    /** Every node whose {@code $currentOp} must be asked: data-bearing members, or every router. */
    public List<Node> sessionNodes() {
        return nodes.stream().filter(Node::servesSessions).toList();
    }

    /** More than the one node the driver talks to: sessions must be gathered node by node. */
    public boolean hasSeveralNodes() {
        return kind != Kind.STANDALONE;
    }

    public Optional<Node> primary() {
        return nodes.stream().filter(n -> n.role() == NodeRole.PRIMARY).findFirst();
    }

    private String hiddenCount() {
        long unlisted = nodes.stream().filter(n -> n.role() == NodeRole.HIDDEN || n.role() == NodeRole.DELAYED).count();
        return unlisted == 0 ? "" : " (" + unlisted + " hidden)";
    }

    /** "replica set rs0, 3 members, writes to localhost:27017" or "standalone". */
    public String summary() {
        return switch (kind) {
            case STANDALONE -> "standalone";
            case SHARDED -> "sharded cluster, " + nodes.size() + (nodes.size() == 1 ? " mongos" : " mongos routers");
            case REPLICA_SET -> "replica set " + setName.orElse("") + ", " + nodes.size()
                    + (nodes.size() == 1 ? " member" : " members") + hiddenCount()
                    + primary().map(p -> ", writes to " + p.host()).orElse(", no primary");
        };
    }
}
