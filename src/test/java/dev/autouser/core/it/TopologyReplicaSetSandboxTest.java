package dev.autouser.core.it;

import dev.autouser.testsupport.MongoTarget;

class TopologyReplicaSetSandboxTest extends TopologyContract {
    @Override
    protected MongoTarget target() {
        return MongoTarget.replicaSet();
    }
}
