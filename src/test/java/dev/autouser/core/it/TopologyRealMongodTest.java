package dev.autouser.core.it;

import dev.autouser.testsupport.MongoTarget;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** Needs {@code MONGODB_TEST_URI} to name a replica set ({@code replicaSet=}) or several mongos. */
@EnabledIfEnvironmentVariable(named = "MONGODB_TEST_URI", matches = ".*(replicaSet=|,).*")
class TopologyRealMongodTest extends TopologyContract {
    @Override
    protected MongoTarget target() {
        return MongoTarget.realFromEnvironment();
    }
}
