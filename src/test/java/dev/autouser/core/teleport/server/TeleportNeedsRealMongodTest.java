package dev.autouser.core.teleport.server;

import dev.autouser.testsupport.MongoTarget;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = "MONGODB_TEST_URI", matches = ".+")
class TeleportNeedsRealMongodTest extends TeleportNeedsContract {
    @Override
    MongoTarget target() {
        return MongoTarget.realFromEnvironment();
    }
}
