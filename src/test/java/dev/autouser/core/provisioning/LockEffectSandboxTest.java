package dev.autouser.core.provisioning;

import dev.autouser.testsupport.MongoTarget;

class LockEffectSandboxTest extends LockEffectContract {
    @Override
    protected MongoTarget target() {
        return MongoTarget.sandbox();
    }
}
