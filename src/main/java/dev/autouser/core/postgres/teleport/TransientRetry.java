package dev.autouser.core.postgres.teleport;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Teleport's {@code withRetry}: up to 10 attempts, a linear back-off of 100 ms steps capped at
 * 750 ms with half jitter, for deadlocks, serialization failures and unique/exclusion violations
 * (two agents provisioning the same user at once); anything else fails at once.
 */
final class TransientRetry {
    static final int ATTEMPTS = 10;
    private static final Set<String> RETRYABLE = Set.of("40P01", "40001", "23505", "23P01");
    private static final long STEP_MILLIS = 100;
    private static final long MAX_MILLIS = 750;

    interface Step<T> {
        T run() throws SQLException;
    }

    private TransientRetry() {
    }

    static boolean isRetryable(SQLException e) {
        return e.getSQLState() != null && RETRYABLE.contains(e.getSQLState());
    }

    static <T> T run(Step<T> step) throws SQLException {
        SQLException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return step.run();
            } catch (SQLException e) {
                if (!isRetryable(e)) {
                    throw e;
                }
                last = e;
                sleep(backoffMillis(attempt + 1));
            }
        }
        throw last;
    }

    /** Half jitter: between half and all of {@code min(step * n, max)}. */
    static long backoffMillis(int retry) {
        long full = Math.min(STEP_MILLIS * retry, MAX_MILLIS);
        return full / 2 + ThreadLocalRandom.current().nextLong(full / 2 + 1);
    }

    private static void sleep(long millis) throws SQLException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while retrying", "57014", e);
        }
    }
}
