package dev.autouser.core.it;

import dev.autouser.testsupport.MongoTarget;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = "MONGODB_TEST_URI", matches = ".+")
class ListingRealMongodTest extends ListingContract {
    @Override
    protected MongoTarget target() {
        return MongoTarget.realFromEnvironment();
    }
}
