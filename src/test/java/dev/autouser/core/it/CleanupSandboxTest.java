package dev.autouser.core.it;

import dev.autouser.testsupport.MongoTarget;

class CleanupSandboxTest extends CleanupContract {
    @Override
    protected MongoTarget target() {
        return MongoTarget.sandbox();
    }
}
