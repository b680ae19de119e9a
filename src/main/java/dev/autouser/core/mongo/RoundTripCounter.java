package dev.autouser.core.mongo;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts commands the driver actually sends (each is one round trip, getMore included). The sync
 * driver reports them on the calling thread, so a per-thread count measures one listing even while
 * other threads use the same client.
 */
final class RoundTripCounter implements CommandListener {
    private final AtomicLong total = new AtomicLong();
    private final ThreadLocal<long[]> perThread = ThreadLocal.withInitial(() -> new long[1]);

    @Override
    public void commandStarted(CommandStartedEvent event) {
        total.incrementAndGet();
        perThread.get()[0]++;
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
    }

    long total() {
        return total.get();
    }

    long onThisThread() {
        return perThread.get()[0];
    }
}
