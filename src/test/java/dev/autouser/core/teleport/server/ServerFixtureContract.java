package dev.autouser.core.teleport.server;

import dev.autouser.testsupport.MongoTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A contract run against the sandbox and a real mongod: each concrete class names its
 * {@link #target()}; every test gets a fresh {@link ServerFixture}, closed (and its users and roles
 * dropped) after the test.
 */
abstract class ServerFixtureContract {
    ServerFixture fx;

    abstract MongoTarget target();

    @BeforeEach
    final void openFixture() {
        fx = new ServerFixture(target());
    }

    @AfterEach
    final void closeFixture() {
        fx.close();
    }
}
