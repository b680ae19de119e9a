package dev.autouser.core.it;

import dev.autouser.testsupport.MongoTarget;

class CliSandboxTest extends CliContract {
    @Override
    protected MongoTarget target() {
        return MongoTarget.sandbox();
    }
}
