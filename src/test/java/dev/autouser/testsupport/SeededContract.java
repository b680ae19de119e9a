package dev.autouser.testsupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A contract test that runs the same cases against the sandbox and a real mongod: each concrete
 * class names its {@link #target()}. Every test gets fresh {@link Seeds}, and whatever they made is
 * dropped after the test (after the subclass's own {@code @AfterEach}, so it may still use them).
 */
public abstract class SeededContract {
    protected Seeds seeds;

    protected abstract MongoTarget target();

    @BeforeEach
    protected final void createSeeds() {
        seeds = new Seeds(target());
    }

    @AfterEach
    protected final void dropSeeds() {
        seeds.dropAll();
    }
}
