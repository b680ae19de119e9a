package dev.autouser.core.provisioning;

import dev.autouser.testsupport.MongoTarget;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = "MONGODB_TEST_URI", matches = ".+")
class LockEffectRealMongodTest extends LockEffectContract {
    @Override
    protected MongoTarget target() {
        return MongoTarget.realFromEnvironment();
    }
}
