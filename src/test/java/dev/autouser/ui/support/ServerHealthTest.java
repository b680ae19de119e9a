package dev.autouser.ui.support;

import dev.autouser.core.ConnectionLostException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one health signal: a failed probe says why and since when; a good one clears it; a new connection starts clean. */
class ServerHealthTest {
    private static final Instant NOW = Instant.parse("2026-12-01T21:30:00Z");
    private final AtomicBoolean up = new AtomicBoolean(true);
    private final Runnable probe = () -> {
        if (!up.get()) {
            throw new ConnectionLostException("Cannot reach db1:27017: the connection was refused.", false, null);
        }
    };
    private final ServerHealth health = new ServerHealth(FxExecutors.direct(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aFailedProbeSaysWhyAndWhenUntilOneSucceeds() {
        health.watch(probe);
        up.set(false);

        health.check();

        assertFalse(health.answeringProperty().get());
        assertEquals("Cannot reach db1:27017: the connection was refused.", health.troubleProperty().get());
        assertEquals(NOW, health.lostAtProperty().get());

        up.set(true);
        health.check();

        assertTrue(health.answeringProperty().get());
        assertEquals("", health.troubleProperty().get());
        assertNull(health.lostAtProperty().get());
    }

    @Test
    void aNewConnectionIsNotBlamedForTheOldOnesOutage() {
        List<Runnable> pending = new ArrayList<>();
        ServerHealth deferred = new ServerHealth(new FxExecutors(Runnable::run, pending::add), Clock.systemUTC());
        deferred.watch(probe);
        up.set(false);
        deferred.check(); // the old connection's answer is still on its way to the FX thread

        deferred.watch(() -> { }); // the person connected elsewhere meanwhile
        pending.forEach(Runnable::run);

        assertTrue(deferred.answeringProperty().get());
        assertEquals("", deferred.troubleProperty().get());
    }

    @Test
    void withoutAConnectionThereIsNothingToCheck() {
        health.watch(probe);
        health.forget();
        up.set(false);

        health.check();

        assertTrue(health.answeringProperty().get());
    }
}
