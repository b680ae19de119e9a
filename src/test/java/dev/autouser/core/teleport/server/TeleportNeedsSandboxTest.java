package dev.autouser.core.teleport.server;

import dev.autouser.testsupport.MongoTarget;

class TeleportNeedsSandboxTest extends TeleportNeedsContract {
    @Override
    MongoTarget target() {
        return MongoTarget.sandbox();
    }
}
