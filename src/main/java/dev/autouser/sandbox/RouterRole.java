package dev.autouser.sandbox;

import de.bwaldvogel.mongo.bson.Document;
import dev.autouser.sandbox.security.ServerErrors;

/**
 * A mongos: {@code hello} says {@code msg: "isdbgrid"}, it takes writes (routing them to the shards,
 * here to the one shared store), gossips the cluster time, and its {@code $currentOp} shows its own
 * clients only with {@code localOps: true}.
 */
final class RouterRole implements NodeRole {
    private final ClusterClock clock;
    private final TopologyVersion version = new TopologyVersion();

    RouterRole(ClusterClock clock) {
        this.clock = clock;
    }

    @Override
    public void describe(Document reply, boolean helloSpelling) {
        reply.put(helloSpelling ? "isWritablePrimary" : "ismaster", true);
        reply.put("msg", "isdbgrid");
        reply.put("topologyVersion", version.toDocument());
    }

    @Override
    public Document replSetGetStatus() {
        // mongos has no such command.
        throw ServerErrors.commandNotFound("replSetGetStatus");
    }

    @Override
    public Document replSetGetConfig() {
        // Nor this one: a router is no replica-set member.
        throw ServerErrors.commandNotFound("replSetGetConfig");
    }

    @Override
    public void gossip(Document reply, boolean wrote) {
        clock.gossip(reply, wrote);
    }

    @Override
    public boolean isRouter() {
        return true;
    }

    @Override
    public TopologyVersion topologyVersion() {
        return version;
    }
}
