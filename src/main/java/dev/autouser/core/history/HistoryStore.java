package dev.autouser.core.history;

import org.sqlite.SQLiteConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The usage history in an embedded SQLite file (the data folder's {@code history.db}), shared by the
 * GUI and the CLI: WAL lets readers go on while one writes, and a busy timeout makes a second writer
 * (another process) wait for the first instead of failing. Every write is one {@code BEGIN IMMEDIATE}
 * transaction, so two processes recording the same server never interleave a read and a write.
 * One store object is safe to share between threads (calls are serialised on its connection).
 */
public final class HistoryStore implements HistoryRecorder, EvidenceLookup, ActivitySink, AutoCloseable {
    /** Keep this long; older transitions and users dropped before then are deleted. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(180);
    /** The size bound: beyond this many transitions the oldest go first (about 60 bytes each on disk). */
    public static final long DEFAULT_MAX_TRANSITIONS = 5_000_000;
    static final int BUSY_TIMEOUT_MILLIS = 15_000;

    private final Path file;
    private final Connection connection;
    private final TransitionWriter writer;

    private HistoryStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
        this.writer = new TransitionWriter(connection);
    }

    /** Opens (creating and migrating as needed) the history at {@code file}. */
    public static HistoryStore open(Path file) throws SQLException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create " + file.getParent() + ": " + e.getMessage(), e);
        }
        SqliteNativeLibrary.useCopyIn(file.toAbsolutePath().getParent().resolve("native"));
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try {
            HistorySchema.migrate(connection);
            return new HistoryStore(file, connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void record(ObservedListing listing) {
        run(() -> writer.record(listing));
    }

    /** Records many listings in one transaction (the demo's seeded days, benchmarks). */
    public synchronized void recordAll(List<ObservedListing> listings) {
        run(() -> writer.recordAll(listings));
    }

    @Override
    public synchronized void recordActivity(Collection<Sighting> sightings) {
        run(() -> writer.recordActivity(sightings));
    }

    @Override
    public synchronized void recordTeleportDeactivations(Collection<Deactivated> deactivations) {
        run(() -> writer.recordTeleportDeactivations(deactivations));
    }

    @Override
    public synchronized void recordTeleportIdentities(Collection<Identified> identities) {
        run(() -> writer.recordTeleportIdentities(identities));
    }

    /** Marks a server's history as seeded demo data (shown as such). */
    public synchronized void markDemo(String server, String engine) {
        run(() -> writer.markDemo(server, engine));
    }

    /** Deletes every server marked as demo data, with all its users and changes (a new demo replaces the old). */
    public synchronized void forgetDemoServers() {
        run(() -> writer.forgetDemoServers());
    }

    public synchronized boolean isDemo(String server, String engine) {
        return query("SELECT demo FROM server WHERE name = ? AND engine = ?", rows -> rows.next() && rows.getInt(1) == 1,
                server, engine);
    }

    @Override
    public synchronized Map<String, UserEvidence> evidence(String server, String engine) {
        return call(() -> new EvidenceReader(connection).all(server, engine));
    }

    /**
     * Records the listing and returns every user's evidence on its server, as {@link #record} then {@link #evidence}
     * would, in one pass over the server's users: the evidence rows also give the stored state the listing is
     * compared with, and only the users the listing changed are read again.
     */
    public synchronized Map<String, UserEvidence> recordAndRead(ObservedListing listing) {
        return call(() -> writer.recordAndRead(listing, new EvidenceReader(connection)));
    }

    /**
     * The counts of active, not-cleaned-up and locked users at {@code points} moments evenly spread
     * from {@code from} to {@code to} (inclusive), replayed from the transitions.
     */
    public synchronized List<StateCounts> timeline(String server, String engine, Instant from, Instant to, int points) {
        return query("SELECT t.user_id, t.at, t.state FROM transition t JOIN server s ON s.id = t.server_id"
                        + " WHERE s.name = ? AND s.engine = ? AND t.at <= ? ORDER BY t.at, t.id",
                rows -> Timeline.replay(rows, from, to, points), server, engine, to.toEpochMilli());
    }

    /** Deletes what is older than {@code retention} and, beyond {@code maxTransitions}, the oldest. */
    public synchronized int retain(Instant now, Duration retention, long maxTransitions) {
        return call(() -> writer.retain(now.minus(retention).toEpochMilli(), maxTransitions, now.toEpochMilli()));
    }

    /**
     * Runs {@link #retain} with the defaults when it last ran more than a day before {@code now} (or
     * never), so a CLI run pays for it at most once a day. Returns the transitions deleted.
     */
    public synchronized int retainIfDue(Instant now) {
        long last = query("SELECT value FROM meta WHERE key = 'retained_at'",
                rows -> rows.next() ? Long.parseLong(rows.getString(1)) : 0L);
        if (now.toEpochMilli() - last < Duration.ofDays(1).toMillis()) {
            return 0;
        }
        return retain(now, DEFAULT_RETENTION, DEFAULT_MAX_TRANSITIONS);
    }

    /** Rows of the transition table (for the size report and tests). */
    public synchronized long transitionCount() {
        return query("SELECT count(*) FROM transition", rows -> rows.next() ? rows.getLong(1) : 0L);
    }

    /** Every transition of one server in time order, for export. */
    public synchronized List<Transition> transitions(String server, String engine) {
        return query("SELECT u.name, t.at, t.state, t.app, t.client FROM transition t JOIN user u ON u.id = t.user_id"
                + " JOIN server s ON s.id = t.server_id WHERE s.name = ? AND s.engine = ? ORDER BY t.at, t.id", rows -> {
                    List<Transition> list = new ArrayList<>();
                    while (rows.next()) {
                        list.add(new Transition(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2)),
                                ObservedState.fromWord(rows.getString(3)), rows.getString(4), rows.getString(5)));
                    }
                    return list;
                }, server, engine);
    }

    /** One change of a user's state, as exported. */
    public record Transition(String user, Instant at, ObservedState state, String app, String client) {
    }

    /** One change of a user's state with its server, as {@link #forEachChange} streams it. */
    public record Change(String server, String engine, String user, Instant at, ObservedState state, String app,
                         String client) {
    }

    /** Takes the changes one by one (an export writes each as it comes; nothing is collected). */
    public interface ChangeSink {
        void accept(Change change) throws java.io.IOException;
    }

    /** The servers the history holds, as "name" with their engines, in name order. */
    public synchronized List<ServerKey> servers() {
        return query("SELECT name, engine FROM server ORDER BY name, engine", rows -> {
            List<ServerKey> servers = new ArrayList<>();
            while (rows.next()) {
                servers.add(new ServerKey(rows.getString(1), rows.getString(2)));
            }
            return servers;
        });
    }

    /** A server the history holds: its name ({@link ServerName}) and engine. */
    public record ServerKey(String name, String engine) {
    }

    /** How many changes {@link #forEachChange} will stream with the same filters (for progress). */
    public synchronized long countChanges(Optional<String> server, Optional<Instant> since) {
        return query("SELECT count(*) FROM transition t JOIN server s ON s.id = t.server_id" + where(server, since),
                rows -> rows.next() ? rows.getLong(1) : 0L, parameters(server, since));
    }

    /**
     * Streams every change of state (of one server when {@code server} is given; from {@code since} when
     * given) in time order to {@code sink}, row by row from the database: 458,000 changes need no more
     * memory than one. Returns how many were streamed.
     */
    public synchronized long forEachChange(Optional<String> server, Optional<Instant> since, ChangeSink sink)
            throws java.io.IOException {
        try {
            return query("SELECT s.name, s.engine, u.name, t.at, t.state, t.app, t.client FROM transition t"
                    + " JOIN server s ON s.id = t.server_id JOIN user u ON u.id = t.user_id" + where(server, since)
                    + " ORDER BY t.at, t.id", rows -> {
                        long count = 0;
                        while (rows.next()) {
                            try {
                                sink.accept(new Change(rows.getString(1), rows.getString(2), rows.getString(3),
                                        Instant.ofEpochMilli(rows.getLong(4)), ObservedState.fromWord(rows.getString(5)),
                                        rows.getString(6), rows.getString(7)));
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                            count++;
                        }
                        return count;
                    }, parameters(server, since));
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String where(Optional<String> server, Optional<Instant> since) {
        List<String> conditions = new ArrayList<>();
        server.ifPresent(name -> conditions.add("s.name = ?"));
        since.ifPresent(at -> conditions.add("t.at >= ?"));
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static Object[] parameters(Optional<String> server, Optional<Instant> since) {
        List<Object> parameters = new ArrayList<>();
        server.ifPresent(parameters::add);
        since.ifPresent(at -> parameters.add(at.toEpochMilli()));
        return parameters.toArray();
    }

    /** The file's size on disk, WAL included, after a checkpoint. */
    public synchronized long sizeOnDisk() {
        run(() -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        });
        return sizeOf(file) + sizeOf(Path.of(file + "-wal"));
    }

    private static long sizeOf(Path path) {
        try {
            return Files.exists(path) ? Files.size(path) : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new HistoryException("closing the history: " + e.getMessage(), e);
        }
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    private interface SqlCall<T> {
        T call() throws SQLException;
    }

    private interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private void run(SqlWork work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    private <T> T call(SqlCall<T> work) {
        try {
            return work.call();
        } catch (SQLException e) {
            throw new HistoryException(e.getMessage(), e);
        }
    }

    private <T> T query(String sql, RowReader<T> reader, Object... parameters) {
        return call(() -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    return reader.read(rows);
                }
            }
        });
    }
}
