package dev.autouser.core.postgres.teleport;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransientRetryTest {
    @Test
    void retriesWhatTeleportRetries() {
        for (String state : new String[] {"40P01", "40001", "23505", "23P01"}) {
            assertTrue(TransientRetry.isRetryable(new SQLException("x", state)), state);
        }
        for (String state : new String[] {"42710", "42704", "TP002", "42501"}) {
            assertFalse(TransientRetry.isRetryable(new SQLException("x", state)), state);
        }
        assertFalse(TransientRetry.isRetryable(new SQLException("no state")));
    }

    @Test
    void aRefusalIsNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        SQLException refusal = new SQLException("role exists", "42710");

        SQLException thrown = assertThrows(SQLException.class, () -> TransientRetry.run(() -> {
            calls.incrementAndGet();
            throw refusal;
        }));

        assertSame(refusal, thrown);
        assertEquals(1, calls.get());
    }

    @Test
    void aDeadlockIsRetriedUntilItPasses() throws SQLException {
        AtomicInteger calls = new AtomicInteger();

        String result = TransientRetry.run(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new SQLException("deadlock detected", "40P01");
            }
            return "done";
        });

        assertEquals("done", result);
        assertEquals(3, calls.get());
    }

    @Test
    void backOffGrowsBy100MillisecondsUpTo750WithHalfJitter() {
        for (int retry = 1; retry <= 12; retry++) {
            long full = Math.min(100L * retry, 750L);
            for (int sample = 0; sample < 50; sample++) {
                long wait = TransientRetry.backoffMillis(retry);
                assertTrue(wait >= full / 2 && wait <= full, retry + ": " + wait);
            }
        }
    }
}
