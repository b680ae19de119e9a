package dev.autouser.sandbox;

import dev.autouser.testsupport.MongoTarget;

class TeleportAdminSandboxTest extends TeleportAdminContract {
    @Override
    MongoTarget target() {
        return MongoTarget.sandbox();
    }
}
