package dev.autouser.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Cuts a PostgreSQL connection at the moment of COMMIT, on the real server: every commit of
 * {@link #ROLE} waits for a synchronous standby that does not exist ({@code synchronous_standby_names}
 * set, {@code synchronous_commit = on} for that role only, {@code local} for everyone else). By then the
 * transaction is committed in the server's WAL; it only waits to be acknowledged. A watcher releases
 * each held commit ({@code pg_cancel_backend}: PostgreSQL answers "committed" with a warning), except the
 * n-th: that backend is terminated ({@code pg_terminate_backend}), so the change stands and its reply
 * never reaches the client, which sees its connection die. Commits are counted, not matched by text:
 * {@code pg_stat_activity} shows only the first {@code track_activity_query_size} bytes of a statement.
 * Nothing is timed: every held commit waits until the watcher acts.
 */
public final class HeldCommits implements AutoCloseable {
    /** The role whose commits are held; a superuser that logs in without a certificate (trust). */
    public static final String ROLE = "autouser_held_commits";
    private static final int TRIES = 600;

    private final PostgresTarget target;
    private final int cutAt;
    private int seen;
    private final AtomicReference<String> cut = new AtomicReference<>();
    private final AtomicInteger released = new AtomicInteger();
    private volatile boolean counting;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread watcher;
    private volatile boolean stopped;

    private HeldCommits(PostgresTarget target, int cutAt) {
        this.target = target;
        this.cutAt = cutAt;
        this.watcher = new Thread(this::watch, "held-commits");
        this.watcher.setDaemon(true);
    }

    /** Holds {@link #ROLE}'s commits from now on and cuts the {@code n}-th (1 = the next one). */
    public static HeldCommits cuttingCommit(PostgresTarget target, int n) {
        target.sql("DO $$BEGIN IF to_regrole('" + ROLE + "') IS NULL THEN CREATE ROLE " + ROLE + " LOGIN SUPERUSER; END IF; END$$",
                "ALTER ROLE " + ROLE + " SET synchronous_commit = on",
                "ALTER SYSTEM SET synchronous_commit = local",
                "ALTER SYSTEM SET synchronous_standby_names = 'autouser_absent_standby'",
                "SELECT pg_reload_conf()");
        HeldCommits held = new HeldCommits(target, n);
        held.watcher.start();
        held.awaitHolding();
        return held;
    }

    /** {@code postgresql://ROLE@host:port/postgres?sslmode=verify-full&sslrootcert=CA}: the console as {@link #ROLE}. */
    public String uri() {
        return "postgresql://" + ROLE + "@" + target.host() + ":" + target.port() + "/postgres?sslmode=verify-full&sslrootcert="
                + target.caFile();
    }

    /** The statement whose connection was cut, once it was. */
    public java.util.Optional<String> cutStatement() {
        return java.util.Optional.ofNullable(cut.get());
    }

    /**
     * The server applies the settings on reload, and its checkpointer tells backends a standby is
     * required only when it has read them: commit probes until one is held, so the test starts holding.
     */
    private void awaitHolding() {
        try (Connection probe = target.sessionAs(ROLE, "postgres", "held-commits-probe"); Statement statement = probe.createStatement()) {
            for (int i = 0; i < TRIES && released.get() == 0; i++) {
                statement.execute("COMMENT ON ROLE " + ROLE + " IS 'commits held for a test'");
                if (released.get() == 0) {
                    Thread.sleep(50);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The probe commit failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (released.get() == 0) {
            throw new IllegalStateException("The server never held a commit of " + ROLE + " (synchronous_standby_names not applied?)");
        }
        counting = true;
    }

    private void watch() {
        Set<String> acted = new HashSet<>();
        try (Connection admin = target.admin(); Statement statement = admin.createStatement()) {
            while (!stopped) {
                try (ResultSet held = statement.executeQuery("SELECT pid, query, query_start::text FROM pg_stat_activity"
                        + " WHERE usename = '" + ROLE + "' AND wait_event = 'SyncRep'")) {
                    while (held.next()) {
                        int pid = held.getInt(1);
                        String query = held.getString(2);
                        // one signal per held statement: a second cancel could hit the client's next statement
                        if (!acted.add(pid + "@" + held.getString(3))) {
                            continue;
                        }
                        if (counting && ++seen == cutAt) {
                            cut.set(query);
                            signal(admin, "pg_terminate_backend", pid);
                        } else {
                            signal(admin, "pg_cancel_backend", pid);
                            released.incrementAndGet();
                        }
                    }
                }
                Thread.sleep(20);
            }
        } catch (SQLException | RuntimeException e) {
            failure.set(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void signal(Connection admin, String function, int pid) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute("SELECT " + function + "(" + pid + ")");
        }
    }

    /** Stops holding commits: the server's settings back as they were. */
    @Override
    public void close() {
        stopped = true;
        try {
            watcher.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        target.sql("ALTER SYSTEM RESET synchronous_standby_names", "ALTER SYSTEM RESET synchronous_commit",
                "SELECT pg_reload_conf()", "ALTER ROLE " + ROLE + " RESET synchronous_commit");
        if (failure.get() != null) {
            throw new IllegalStateException("Watching held commits failed", failure.get());
        }
    }
}
