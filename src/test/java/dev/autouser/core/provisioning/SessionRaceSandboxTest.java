package dev.autouser.core.provisioning;

import dev.autouser.testsupport.MongoTarget;

class SessionRaceSandboxTest extends SessionRaceContract {
    @Override
    protected MongoTarget target() {
        return MongoTarget.sandbox();
    }
}
