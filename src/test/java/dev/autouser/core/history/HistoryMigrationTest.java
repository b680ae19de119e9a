package dev.autouser.core.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schema 5 (who used a user, from Teleport's audit log) on a history a schema-4 console wrote: the console's own
 * writer fills a schema-4 file, then the GUI and a CLI process open it at the same moment. One migrates, the other
 * finds it done; neither fails, nothing written before is lost, and both go on writing.
 */
class HistoryMigrationTest {
    private static final String SERVER = "db1:27017";
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    @TempDir
    Path dir;

    /** A schema-4 history with data, written by the same writer code a schema-4 console ran. */
    private Path schema4History() throws Exception {
        Path file = dir.resolve("history.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement sql = connection.createStatement();
                 java.sql.ResultSet mode = sql.executeQuery("PRAGMA journal_mode = WAL")) {
                assertThat(mode.next() ? mode.getString(1) : "").isEqualTo("wal");
            }
            HistorySchema.migrate(connection, 4);
            TransitionWriter writer = new TransitionWriter(connection);
            writer.record(new ObservedListing(SERVER, UserKey.MONGODB, T0, List.of(
                    new ObservedUser("CN=alice", false, List.of(new ObservedUser.Session("mongosh", "10.0.0.1:5000"))),
                    new ObservedUser("CN=bob", true, List.of()))));
            writer.record(new ObservedListing(SERVER, UserKey.MONGODB, T0.plusSeconds(60), List.of(
                    new ObservedUser("CN=alice", true, List.of()), new ObservedUser("CN=bob", true, List.of()))));
            writer.recordTeleportDeactivations(List.of(new ActivitySink.Deactivated(new UserKey(SERVER, UserKey.MONGODB,
                    "CN=bob"), new TeleportDeactivation(T0.minusSeconds(30), false, true, "not authorized"))));
            assertThat(HistorySchema.version(connection)).isEqualTo(4);
        }
        return file;
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void theGuiAndACliProcessOpenASchema4HistoryAtOnceAndKeepItsData() throws Exception {
        Path file = schema4History();
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process cli = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                HistoryWriterProcess.class.getName(), file.toString(), "cli:27017", "4", "3", "open-after-go")
                .redirectErrorStream(true).start();
        java.io.BufferedReader output = new java.io.BufferedReader(new java.io.InputStreamReader(cli.getInputStream()));
        assertThat(output.readLine()).isEqualTo("ready");

        CompletableFuture<Void> go = new CompletableFuture<>();
        CompletableFuture<Map<String, UserEvidence>> gui = CompletableFuture.supplyAsync(() -> {
            go.join();
            try (HistoryStore store = HistoryStore.open(file)) {
                store.recordTeleportIdentities(List.of(new ActivitySink.Identified(new UserKey(SERVER, UserKey.MONGODB,
                        "CN=alice"), new TeleportIdentity(T0.plusSeconds(90), "alice", List.of("access"), List.of("readWrite@app")))));
                return store.evidence(SERVER, UserKey.MONGODB);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        // Both openers start while this connection holds the write lock, so both reach the migration waiting on it.
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement lock = holder.createStatement()) {
            lock.execute("BEGIN IMMEDIATE");
            go.complete(null);
            cli.getOutputStream().write("go\n".getBytes());
            cli.getOutputStream().flush();
            lock.execute("COMMIT");
        }

        Map<String, UserEvidence> seen = gui.get(4, TimeUnit.MINUTES);
        assertThat(cli.waitFor(4, TimeUnit.MINUTES)).as("the CLI process finished").isTrue();
        assertThat(cli.exitValue()).as(new String(cli.getInputStream().readAllBytes())).isZero();

        assertThat(seen.get("CN=alice").teleportIdentity()).contains(
                new TeleportIdentity(T0.plusSeconds(90), "alice", List.of("access"), List.of("readWrite@app")));
        try (HistoryStore store = HistoryStore.open(file)) {
            UserEvidence alice = store.evidence(SERVER, UserKey.MONGODB).get("CN=alice");
            assertThat(alice.firstSeen()).contains(T0);
            assertThat(alice.lockedSince()).contains(T0.plusSeconds(60));
            assertThat(alice.lastActive().get(EvidenceSource.OBSERVED))
                    .isEqualTo(new Activity(T0, EvidenceSource.OBSERVED, "mongosh", "10.0.0.1:5000"));
            UserEvidence bob = store.evidence(SERVER, UserKey.MONGODB).get("CN=bob");
            assertThat(bob.teleportFailure()).contains(new TeleportDeactivation(T0.minusSeconds(30), false, true, "not authorized"));
            assertThat(bob.teleportIdentity()).as("no import told who used bob").isEmpty();
            assertThat(store.evidence("cli:27017", UserKey.MONGODB)).as("the CLI process's listings").hasSize(3);
            assertThat(store.transitions(SERVER, UserKey.MONGODB)).hasSize(3);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(HistorySchema.version(connection)).isEqualTo(5);
        }
    }
}
