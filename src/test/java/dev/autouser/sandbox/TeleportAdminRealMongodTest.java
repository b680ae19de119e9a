package dev.autouser.sandbox;

import dev.autouser.testsupport.MongoTarget;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = "MONGODB_TEST_URI", matches = ".+")
class TeleportAdminRealMongodTest extends TeleportAdminContract {
    @Override
    MongoTarget target() {
        return MongoTarget.realFromEnvironment();
    }
}
