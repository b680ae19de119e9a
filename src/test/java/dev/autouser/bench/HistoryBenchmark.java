package dev.autouser.bench;

import dev.autouser.core.history.HistoryStore;
import dev.autouser.core.history.ObservedListing;
import dev.autouser.core.history.ObservedUser;
import dev.autouser.core.history.UserKey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The usage history at 10,000 users x 30 days (a listing every hour, each user active 0-3 times a
 * day, locked between sessions, a fifth not cleaned up): store size, and what the history adds to
 * one listing (record + read every user's evidence), measured interleaved. Run by hand:
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.autouser.bench.HistoryBenchmark}.
 */
public final class HistoryBenchmark {
    private static final int USERS = 10_000;
    private static final String SERVER = "bench:27017";
    private static final List<String> NAMES = java.util.stream.IntStream.range(0, USERS).mapToObj(u -> "CN=user-" + u)
            .toList();

    private HistoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("history-bench");
        Instant end = Instant.parse("2026-12-01T12:00:00Z");
        long seeding = System.nanoTime();
        try (HistoryStore store = HistoryStore.open(dir.resolve("history.db"))) {
            seed(store, SERVER, NAMES, end);
            System.out.printf("seeded 30 days x %d users in %d s: %d transitions, %.1f MiB on disk%n", USERS,
                    (System.nanoTime() - seeding) / 1_000_000_000, store.transitionCount(),
                    store.sizeOnDisk() / 1024.0 / 1024.0);
            List<Long> record = new ArrayList<>();
            List<Long> read = new ArrayList<>();
            Instant at = end;
            for (int i = 0; i < 20; i++) {
                at = at.plusSeconds(5);
                ObservedListing listing = listing(SERVER, NAMES, at);
                long t0 = System.nanoTime();
                store.record(listing);
                long t1 = System.nanoTime();
                store.evidence(SERVER, UserKey.MONGODB);
                long t2 = System.nanoTime();
                record.add((t1 - t0) / 1_000_000);
                read.add((t2 - t1) / 1_000_000);
            }
            record.sort(null);
            read.sort(null);
            System.out.printf("per listing of %d users: record median %d ms (max %d), read evidence median %d ms (max %d)%n",
                    USERS, record.get(10), record.get(19), read.get(10), read.get(19));
            long t = System.nanoTime();
            store.timeline(SERVER, UserKey.MONGODB, end.minus(Duration.ofDays(30)), end, 49);
            System.out.printf("30-day chart: %d ms%n", (System.nanoTime() - t) / 1_000_000);
            for (dev.autouser.core.export.UserExport.Format format : dev.autouser.core.export.UserExport.Format.values()) {
                Path file = dir.resolve("export." + format.extension());
                long e = System.nanoTime();
                long peak;
                long written;
                try (java.io.Writer out = Files.newBufferedWriter(file)) {
                    long[] heap = {0};
                    written = dev.autouser.core.export.HistoryExport.write(store, java.util.Optional.empty(),
                            java.util.Optional.empty(), format, out, count -> heap[0] = Math.max(heap[0], usedHeap()));
                    peak = heap[0];
                }
                System.out.printf("export %s: %d changes in %d ms, %.1f MiB, heap in use at most %d MiB (max heap %d MiB)%n",
                        format, written, (System.nanoTime() - e) / 1_000_000, Files.size(file) / 1024.0 / 1024.0,
                        peak / 1024 / 1024, Runtime.getRuntime().maxMemory() / 1024 / 1024);
            }
        }
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /**
     * 30 days of hourly listings of {@code names} up to {@code end}, recorded a day per transaction: each user
     * active 0-3 times a day for up to two hours, locked between sessions, every fifth not cleaned up.
     */
    static void seed(HistoryStore store, String server, List<String> names, Instant end) {
        List<ObservedListing> batch = new ArrayList<>();
        for (Instant at = end.minus(Duration.ofDays(30)); at.isBefore(end); at = at.plus(Duration.ofHours(1))) {
            batch.add(listing(server, names, at));
            if (batch.size() == 24) {
                store.recordAll(batch);
                batch.clear();
            }
        }
        store.recordAll(batch);
    }

    static ObservedListing listing(String server, List<String> names, Instant at) {
        List<ObservedUser> users = new ArrayList<>(names.size());
        long hour = at.getEpochSecond() / 3600;
        for (int u = 0; u < names.size(); u++) {
            Random random = new Random(u * 1_000_003L + hour / 24);
            int hourOfDay = (int) (hour % 24);
            int sessionStart = 8 + random.nextInt(9);
            boolean active = random.nextInt(4) != 0 && hourOfDay >= sessionStart && hourOfDay < sessionStart + 2;
            boolean notCleanedUp = u % 5 == 0;
            users.add(active ? new ObservedUser(names.get(u), false, List.of(new ObservedUser.Session("mongosh", "10.0.1.15:1")))
                    : new ObservedUser(names.get(u), !notCleanedUp, List.of()));
        }
        return new ObservedListing(server, UserKey.MONGODB, at, users);
    }
}
