package dev.autouser.core.it;

import dev.autouser.core.mongo.Deployment;
import dev.autouser.testsupport.MongoTarget;

/**
 * The topology contract with the person connected only to a hidden member, which no {@code hello}
 * lists: shown active there, never locked or dropped.
 */
class TopologyHiddenMemberSandboxTest extends TopologyContract {
    @Override
    protected MongoTarget target() {
        return MongoTarget.replicaSetWithHiddenMember();
    }

    @Override
    protected Deployment.Node elsewhere() {
        // What the console must call it: member 3, hidden.
        return new Deployment.Node(target().sandboxCluster().orElseThrow().hosts().get(3), Deployment.NodeRole.HIDDEN);
    }
}
