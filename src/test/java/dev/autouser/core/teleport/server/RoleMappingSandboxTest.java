package dev.autouser.core.teleport.server;

import dev.autouser.testsupport.MongoTarget;

class RoleMappingSandboxTest extends RoleMappingContract {
    @Override
    MongoTarget target() {
        return MongoTarget.sandbox();
    }
}
