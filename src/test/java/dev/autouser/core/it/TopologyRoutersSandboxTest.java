package dev.autouser.core.it;

import dev.autouser.testsupport.MongoTarget;

class TopologyRoutersSandboxTest extends TopologyContract {
    @Override
    protected MongoTarget target() {
        return MongoTarget.routers();
    }
}
