package dev.autouser.sandbox.security;

import dev.autouser.testsupport.MongoTarget;

class SecurityRefusalsSandboxTest extends SecurityRefusalsContract {
    @Override
    MongoTarget target() {
        return MongoTarget.sandbox();
    }
}
