package dev.autouser.core.it;

import dev.autouser.testsupport.MongoTarget;

class ConnectionSandboxTest extends ConnectionContract {
    @Override
    protected MongoTarget target() {
        return MongoTarget.sandbox();
    }
}
