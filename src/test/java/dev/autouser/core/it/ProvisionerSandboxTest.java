package dev.autouser.core.it;

import dev.autouser.testsupport.MongoTarget;

class ProvisionerSandboxTest extends ProvisionerContract {
    @Override
    protected MongoTarget target() {
        return MongoTarget.sandbox();
    }
}
