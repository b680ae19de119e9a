package dev.autouser.cli;

import dev.autouser.core.postgres.PostgresGateway;
import dev.autouser.core.postgres.PostgresGateway.QueryTime;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code list --timings} against PostgreSQL: start-up and connect, then each query of the listing split
 * into its execution (server, network, TLS and the JDBC driver reading every row) and the console's
 * decoding of the rows, then the usage history and the output; with the process's CPU time next to
 * each wall time, because on a shared machine the wall time mostly measures the load.
 */
final class PostgresListingTimings {
    private final long uptimeAtStartMillis;
    private final long cpuAtStartNanos;
    private final long startedNanos;
    private final int queriesBefore;
    private final long threadCpuAtStartNanos;
    private long listedNanos;
    private long recordedNanos;
    private long listedCpuNanos;
    private long recordedCpuNanos;

    private PostgresListingTimings(long uptimeAtStartMillis, long cpuAtStartNanos, long startedNanos, int queriesBefore) {
        this.uptimeAtStartMillis = uptimeAtStartMillis;
        this.cpuAtStartNanos = cpuAtStartNanos;
        this.startedNanos = startedNanos;
        this.queriesBefore = queriesBefore;
        this.threadCpuAtStartNanos = threadCpuNanos();
    }

    static PostgresListingTimings start(PostgresGateway gateway) {
        return new PostgresListingTimings(ManagementFactory.getRuntimeMXBean().getUptime(), processCpuNanos(),
                System.nanoTime(), gateway.queryTimes().size());
    }

    /** The server has answered and the rows are the console's values. */
    void listed() {
        listedNanos = System.nanoTime();
        listedCpuNanos = threadCpuNanos();
    }

    /** The usage history has recorded the listing and given back the evidence. */
    void recorded() {
        recordedNanos = System.nanoTime();
        recordedCpuNanos = threadCpuNanos();
    }

    /** Call after the output is written and flushed. */
    String report(PostgresGateway gateway) {
        long now = System.nanoTime();
        List<QueryTime> all = gateway.queryTimes();
        List<QueryTime> listing = all.subList(Math.min(queriesBefore, all.size()), all.size());
        long execute = listing.stream().mapToLong(QueryTime::executeNanos).sum();
        long read = listing.stream().mapToLong(QueryTime::readNanos).sum();
        long nowCpu = threadCpuNanos();
        long otherBeforeListed = listedNanos - startedNanos - execute - read;
        return String.format(Locale.ROOT, "timings: start-up and connect %d ms (process CPU %d ms)%n"
                        + "timings: listing %d ms (process CPU %d ms) = queries %d ms (%s) + decode %d ms + other %d ms"
                        + " + history %d ms + output %d ms%n"
                        + "timings: this thread's CPU: queries, decode and other %d ms, history %d ms, output %d ms",
                uptimeAtStartMillis, millis(cpuAtStartNanos), millis(now - startedNanos),
                millis(processCpuNanos() - cpuAtStartNanos), millis(execute), describe(listing), millis(read),
                millis(otherBeforeListed), millis(recordedNanos - listedNanos), millis(now - recordedNanos),
                millis(listedCpuNanos - threadCpuAtStartNanos), millis(recordedCpuNanos - listedCpuNanos),
                millis(nowCpu - recordedCpuNanos));
    }

    private static String describe(List<QueryTime> times) {
        return times.isEmpty() ? "none" : times.stream().map(t -> t.attempted() + " " + millis(t.executeNanos()) + " ms")
                .collect(Collectors.joining(", "));
    }

    /** The listing thread's own CPU: on a loaded machine its wall time is mostly waiting for a core. */
    private static long threadCpuNanos() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
    }

    /** All threads' CPU (JIT compiler and garbage collector included), from java.base alone. */
    private static long processCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    private static long millis(long nanos) {
        return Math.round(nanos / 1e6);
    }
}
