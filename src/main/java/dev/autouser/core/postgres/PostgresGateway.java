package dev.autouser.core.postgres;

import dev.autouser.core.ConsoleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One open JDBC connection to PostgreSQL, with the facts learnt on connect. Every statement goes
 * through {@link #query} or {@link #execute}, which count round trips and turn failures into a
 * {@link ConsoleException} with one sentence (a {@link PostgresException} carrying the SQLSTATE).
 * The connection runs in autocommit: each statement the console sends is its own transaction, and
 * the ones that must be atomic are one statement (a {@code DO} block).
 *
 * <p>A connection that broke (the server restarted, the backend was terminated, the network went) is
 * re-opened, with the same credentials and checks, before the NEXT statement: the statement that saw it
 * break is never re-sent (its outcome may be unknown, and is settled from the server's state by
 * {@link PostgresUnknownOutcomes}). While the server is still gone, the re-open fails within the
 * profile's connect timeout, and the next statement tries again.
 */
public final class PostgresGateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresGateway.class);

    private final Object reopening = new Object();
    private volatile Connection connection;
    /** Set when a statement saw the connection break; the next statement re-opens first. */
    private volatile boolean broken;
    private final String databaseOrNull;
    private final PostgresProfile profile;
    private final String server;
    private final PostgresFacts facts;
    private final List<String> warnings;
    private final AtomicLong roundTrips = new AtomicLong();
    /** The latest queries' times, for {@code list --timings}; a console queries for hours, so only the latest are kept. */
    private final java.util.ArrayDeque<QueryTime> queryTimes = new java.util.ArrayDeque<>();
    private static final int KEPT_TIMES = 64;
    /** The secrets this connection was opened with, for {@link #openDatabase}; in memory only, wiped on close. */
    private final char[] password;
    private final char[] keyPassphrase;

    private PostgresGateway(Connection connection, PostgresProfile profile, String databaseOrNull, String server,
                            PostgresFacts facts, List<String> warnings, char[] password, char[] keyPassphrase) {
        this.connection = connection;
        this.databaseOrNull = databaseOrNull;
        this.profile = profile;
        this.server = server;
        this.facts = facts;
        this.warnings = List.copyOf(warnings);
        this.password = password;
        this.keyPassphrase = keyPassphrase;
    }

    /**
     * Connects (TLS as {@code sslmode} says, client certificate or password), then reads who it is
     * and what it may do in one query.
     */
    public static PostgresGateway connect(PostgresProfile profile, char[] passwordOrNull, char[] keyPassphraseOrNull) {
        return connect(profile, null, passwordOrNull, keyPassphraseOrNull);
    }

    /**
     * The same server and identity, connected to {@code database}: PostgreSQL changes the objects of
     * one database per connection ({@code REASSIGN OWNED} in each database where a role owns objects).
     * The caller closes it.
     */
    public PostgresGateway openDatabase(String database) {
        return connect(profile, database, password, keyPassphrase);
    }

    private static PostgresGateway connect(PostgresProfile profile, String databaseOrNull, char[] passwordOrNull,
                                           char[] keyPassphraseOrNull) {
        PostgresConnector.Opened opened = PostgresConnector.open(profile, databaseOrNull, passwordOrNull, keyPassphraseOrNull);
        PostgresFacts facts = checked(opened);
        LOG.info("Connected to {} as {}: PostgreSQL {}", opened.server(), facts.currentUser(), facts.version());
        return new PostgresGateway(opened.connection(), profile, databaseOrNull, opened.server(), facts, opened.warnings(),
                copy(passwordOrNull), copy(keyPassphraseOrNull));
    }

    /** Who the new connection is, refused (and closed) when the console could not quote SQL safely on it. */
    private static PostgresFacts checked(PostgresConnector.Opened opened) {
        Connection connection = opened.connection();
        try {
            PostgresFacts facts = PostgresFacts.read(connection);
            if (!facts.standardConformingStrings()) {
                throw new ConsoleException("standard_conforming_strings is off on " + opened.server() + ": the console"
                        + " quotes names for it being on (the default since PostgreSQL 9.1) and refuses to send SQL otherwise.");
            }
            return facts;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw PostgresErrors.statementFailed(e, "read who is connected", true);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /**
     * The connection to send the next statement on: the open one, or a new one when the last broke. The
     * new one must be the same role ({@code current_user}); otherwise it is closed and refused.
     */
    private Connection live() {
        Connection current = connection;
        if (!broken && !isClosed(current)) {
            return current;
        }
        synchronized (reopening) {
            if (!broken && !isClosed(connection)) {
                return connection;
            }
            closeQuietly(connection);
            PostgresConnector.Opened opened = PostgresConnector.open(profile, databaseOrNull, password, keyPassphrase);
            PostgresFacts now = checked(opened);
            if (!now.currentUser().equals(facts.currentUser())) {
                closeQuietly(opened.connection());
                throw new ConsoleException("Re-opening the connection to " + server + " logged in as " + now.currentUser()
                        + ", not " + facts.currentUser() + ": connect again.");
            }
            LOG.info("Re-opened the connection to {} as {} after it broke", server, now.currentUser());
            connection = opened.connection();
            broken = false;
            return connection;
        }
    }

    /** Remembers a broken connection, so the next statement re-opens it; returns the failure to throw. */
    private ConsoleException noted(ConsoleException failure) {
        if (failure instanceof dev.autouser.core.ConnectionLostException) {
            broken = true;
        }
        return failure;
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    public PostgresFacts facts() {
        return facts;
    }

    /** {@code host:5432/postgres}: where, for reports and the audit. */
    public String server() {
        return server;
    }

    /** The role the console acts as ({@code current_user}). */
    public String identity() {
        return facts.currentUser();
    }

    /** Warnings to show once (TLS not verified, certificate about to expire). */
    public List<String> warnings() {
        return warnings;
    }

    public PostgresProfile profile() {
        return profile;
    }

    /** Statements sent on this connection so far. */
    public long roundTrips() {
        return roundTrips.get();
    }

    /**
     * One query's time split in two: {@code executeNanos} until the driver holds every row (the server's
     * work, the network, TLS and the driver's reading of the wire), {@code readNanos} for the console
     * turning those rows into its values.
     */
    public record QueryTime(String attempted, long executeNanos, long readNanos) {
    }

    /** The latest queries' times, oldest first. */
    public List<QueryTime> queryTimes() {
        synchronized (queryTimes) {
            return List.copyOf(queryTimes);
        }
    }

    /** Reads rows; {@code attempted} completes "Cannot ..." in the error sentence. */
    public <T> T query(String sql, String attempted, RowsReader<T> reader) {
        long started = System.nanoTime();
        roundTrips.incrementAndGet();
        try (Statement statement = live().createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            long executed = System.nanoTime();
            T result = reader.read(rows);
            keep(new QueryTime(attempted, executed - started, System.nanoTime() - executed));
            LOG.debug("{} (query at {}) ok in {} ms", attempted, server, millisSince(started));
            return result;
        } catch (SQLException e) {
            ConsoleException failure = noted(PostgresErrors.statementFailed(e, attempted, false));
            LOG.warn("{} (query at {}) failed in {} ms: {}", attempted, server, millisSince(started), failure.getMessage(), e);
            throw failure;
        }
    }

    private void keep(QueryTime time) {
        synchronized (queryTimes) {
            if (queryTimes.size() == KEPT_TIMES) {
                queryTimes.removeFirst();
            }
            queryTimes.addLast(time);
        }
    }

    /** Sends one command exactly as {@link SqlCommand#shellText()} shows it (its own transaction). */
    public void execute(SqlCommand command) {
        long started = System.nanoTime();
        roundTrips.incrementAndGet();
        try (Statement statement = live().createStatement()) {
            statement.execute(command.sql());
            LOG.info("{} ({} at {}) ok in {} ms", command.intent(), command.name(), server, millisSince(started));
        } catch (SQLException e) {
            ConsoleException failure = noted(PostgresErrors.statementFailed(e, command.intent(), true));
            LOG.warn("{} ({} at {}) failed in {} ms: {}", command.intent(), command.name(), server, millisSince(started),
                    failure.getMessage(), e);
            throw failure;
        }
    }

    /**
     * The same session for code that runs its own JDBC (Teleport's procedures, created in this session's
     * {@code pg_temp}); closing what this returns leaves the gateway's connection open. A connection that
     * broke is re-opened first (so the procedures are created again on the new one).
     */
    public java.sql.Connection sharedConnection() {
        Connection shared = live();
        return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(shared, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        if (isClosed(shared)) {
                            broken = true;
                        }
                        throw e.getCause();
                    }
                });
    }

    @Override
    public void close() {
        closeQuietly(connection);
        wipe(password);
        wipe(keyPassphrase);
    }

    private static char[] copy(char[] secret) {
        return secret == null ? null : secret.clone();
    }

    private static void wipe(char[] secret) {
        if (secret != null) {
            java.util.Arrays.fill(secret, '\0');
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing a PostgreSQL connection failed", e);
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** Reads a result set into a value; may throw SQLException, which the gateway translates. */
    @FunctionalInterface
    public interface RowsReader<T> {
        T read(ResultSet rows) throws SQLException;
    }
}
