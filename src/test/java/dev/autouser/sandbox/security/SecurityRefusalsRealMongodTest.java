package dev.autouser.sandbox.security;

import dev.autouser.testsupport.MongoTarget;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = "MONGODB_TEST_URI", matches = ".+")
class SecurityRefusalsRealMongodTest extends SecurityRefusalsContract {
    @Override
    MongoTarget target() {
        return MongoTarget.realFromEnvironment();
    }
}
