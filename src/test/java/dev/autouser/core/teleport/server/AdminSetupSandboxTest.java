package dev.autouser.core.teleport.server;

import dev.autouser.testsupport.MongoTarget;

class AdminSetupSandboxTest extends AdminSetupContract {
    @Override
    MongoTarget target() {
        return MongoTarget.sandbox();
    }
}
