package dev.autouser.core.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GUI and the CLI write one history file at the same time: another process (as a CLI run next
 * to the console) and threads with their own connections. Nothing is lost, nothing fails with
 * "database is locked": WAL plus the busy timeout make writers wait their turn.
 */
class HistoryConcurrencyTest {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final int LISTINGS = 60;
    private static final int USERS = 20;

    @TempDir
    Path dir;

    /** Each listing flips every user between active and locked, so every listing is a transition each. */
    static void writeAlternating(HistoryStore store, String server, int listings, int users) {
        for (int i = 0; i < listings; i++) {
            List<ObservedUser> shown = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                shown.add(i % 2 == 0 ? new ObservedUser("CN=u" + u, false, List.of(new ObservedUser.Session("app" + i, "10.0.0." + u + ":1")))
                        : new ObservedUser("CN=u" + u, true, List.of()));
            }
            store.record(new ObservedListing(server, UserKey.MONGODB, T0.plusSeconds(i), shown));
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aSecondProcessAndThreadsWriteTheSameFileWithoutLosingAChange() throws Exception {
        Path file = dir.resolve("history.db");
        HistoryStore.open(file).close(); // created once, so no writer races the first migration's file creation
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                HistoryWriterProcess.class.getName(), file.toString(), "cli:27017", String.valueOf(LISTINGS),
                String.valueOf(USERS)).redirectErrorStream(true).start();
        java.io.BufferedReader output = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream()));
        assertEquals("ready", output.readLine());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> writers = new ArrayList<>();
        for (String server : List.of("gui:27017", "gui-refresh:27017")) {
            writers.add(pool.submit(() -> {
                try (HistoryStore own = HistoryStore.open(file)) {
                    start.await();
                    writeAlternating(own, server, LISTINGS, USERS);
                }
                return null;
            }));
        }
        // Every writer starts while this connection holds the write lock: each must wait, not fail.
        try (java.sql.Connection holder = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             java.sql.Statement lock = holder.createStatement()) {
            lock.execute("BEGIN IMMEDIATE");
            start.countDown();
            process.getOutputStream().write("go\n".getBytes());
            process.getOutputStream().flush();
            lock.execute("COMMIT");
        }
        for (Future<?> writer : writers) {
            writer.get(4, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertTrue(process.waitFor(4, TimeUnit.MINUTES), "writer process finished");
        assertEquals(0, process.exitValue(), new String(process.getInputStream().readAllBytes()));
        try (HistoryStore store = HistoryStore.open(file)) {
            assertEquals(3L * LISTINGS * USERS, store.transitionCount());
            for (String server : List.of("cli:27017", "gui:27017", "gui-refresh:27017")) {
                Map<String, UserEvidence> evidence = store.evidence(server, UserKey.MONGODB);
                assertEquals(USERS, evidence.size(), server);
                Activity last = evidence.get("CN=u3").lastActive().get(EvidenceSource.OBSERVED);
                assertEquals(T0.plusSeconds(LISTINGS - 2), last.at(), server);
                assertEquals("app" + (LISTINGS - 2), last.app());
                assertEquals("10.0.0.3:1", last.client());
                assertEquals(T0.plusSeconds(LISTINGS - 1), evidence.get("CN=u3").lockedSince().orElseThrow());
            }
        }
    }
}
