package dev.autouser.core.mongo;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts commands the driver actually sends (each is one round trip, getMore included) and keeps
 * the last round-trip times (for {@code list --timings}: how much of a listing is the server's and
 * the network's, how much the client's own work). The sync driver reports them on the calling thread, so a per-thread count measures one listing even while
 * other threads use the same client.
 */
public final class RoundTripCounter implements CommandListener {
    private final AtomicLong total = new AtomicLong();
    private final ThreadLocal<long[]> perThread = ThreadLocal.withInitial(() -> new long[1]);
    /** Round-trip times as the driver measured them (send, server work, reply), per thread. */
    private final ThreadLocal<ArrayDeque<CommandTime>> timesPerThread = ThreadLocal.withInitial(ArrayDeque::new);
    /** A console refreshes for hours on one thread: only the latest times are kept. */
    private static final int KEPT_TIMES = 256;

    /** One command's round trip: the server's work plus the network, without the client's own work. */
    public record CommandTime(String command, long nanos) {
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        total.incrementAndGet();
        perThread.get()[0]++;
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        keep(new CommandTime(event.getCommandName(), event.getElapsedTime(TimeUnit.NANOSECONDS)));
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        keep(new CommandTime(event.getCommandName(), event.getElapsedTime(TimeUnit.NANOSECONDS)));
    }

    private void keep(CommandTime time) {
        ArrayDeque<CommandTime> times = timesPerThread.get();
        if (times.size() == KEPT_TIMES) {
            times.removeFirst();
        }
        times.addLast(time);
    }

    /** The round trips this thread has made so far, in order. */
    List<CommandTime> timesOnThisThread() {
        return List.copyOf(timesPerThread.get());
    }

    long total() {
        return total.get();
    }

    long onThisThread() {
        return perThread.get()[0];
    }
}
