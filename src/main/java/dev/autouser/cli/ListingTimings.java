package dev.autouser.cli;

import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.mongo.RoundTripCounter.CommandTime;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code list --timings}: splits one run into start-up (JVM start to connected), each server call
 * of the listing as the driver timed it (server work plus network) and the client's own work
 * (decoding, joining, writing the output), so a slow listing can be blamed on the right side.
 */
final class ListingTimings {
    private final long uptimeAtStartMillis;
    private final long startedNanos;
    private final int commandsBefore;

    private ListingTimings(long uptimeAtStartMillis, long startedNanos, int commandsBefore) {
        this.uptimeAtStartMillis = uptimeAtStartMillis;
        this.startedNanos = startedNanos;
        this.commandsBefore = commandsBefore;
    }

    static ListingTimings start(MongoGateway gateway) {
        return new ListingTimings(ManagementFactory.getRuntimeMXBean().getUptime(), System.nanoTime(),
                gateway.commandTimesOnThisThread().size());
    }

    String report(MongoGateway gateway) {
        long listingNanos = System.nanoTime() - startedNanos;
        List<CommandTime> all = gateway.commandTimesOnThisThread();
        List<CommandTime> connect = all.subList(0, Math.min(commandsBefore, all.size()));
        List<CommandTime> listing = all.subList(Math.min(commandsBefore, all.size()), all.size());
        long serverNanos = listing.stream().mapToLong(CommandTime::nanos).sum();
        return String.format(Locale.ROOT, "timings: start-up and connect %d ms (%s)%n"
                        + "timings: listing %d ms = server + network %d ms (%s) + client %d ms (decode, join, output)",
                uptimeAtStartMillis, describe(connect), millis(listingNanos), millis(serverNanos), describe(listing),
                millis(listingNanos - serverNanos));
    }

    private static String describe(List<CommandTime> times) {
        return times.isEmpty() ? "no commands" : times.stream()
                .map(t -> t.command() + " " + millis(t.nanos()) + " ms").collect(Collectors.joining(", "));
    }

    private static long millis(long nanos) {
        return Math.round(nanos / 1e6);
    }
}
