package dev.autouser.core.history;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The history as the listing uses it: it never stops a listing or an action. When the file cannot
 * be opened, read or written, the listing goes on without evidence, the failure is logged, and
 * {@link #takeProblem()} returns one sentence once, for the CLI's stderr or the GUI's notice.
 */
public final class UsageHistory implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UsageHistory.class);

    private final HistoryStore store;
    private String problem;
    private boolean problemTaken;

    private UsageHistory(HistoryStore store, String problem) {
        this.store = store;
        this.problem = problem;
    }

    /** Opens the history at {@code file}; a failure gives a history that records nothing and says why once. */
    public static UsageHistory open(Path file) {
        try {
            return new UsageHistory(HistoryStore.open(file), null);
        } catch (java.sql.SQLException | RuntimeException e) {
            LOG.info("The usage history {} cannot be opened", file, e); // the person gets one sentence; the log file the cause
            return new UsageHistory(null, sentence("cannot open " + file + ": " + e.getMessage()));
        }
    }

    /**
     * Starts opening the history at {@code file} on a daemon thread and returns the wait for it, so a
     * command can open it (loading SQLite's classes and native library, checking the schema) while it
     * connects and lists instead of after: the listing then pays only for recording and reading.
     */
    public static java.util.function.Supplier<UsageHistory> openAhead(Path file) {
        java.util.concurrent.CompletableFuture<UsageHistory> opening = new java.util.concurrent.CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                opening.complete(open(file));
            } catch (Throwable e) { // open() turns failures into a sentence; this is a class-loading error
                opening.completeExceptionally(e);
            }
        }, "history-open");
        thread.setDaemon(true);
        thread.start();
        return () -> {
            try {
                return opening.join();
            } catch (java.util.concurrent.CompletionException e) {
                LOG.info("The usage history {} cannot be opened", file, e.getCause());
                return new UsageHistory(null, sentence("cannot open " + file + ": " + e.getCause()));
            }
        };
    }

    /** A history that records nothing and has nothing to say (tests, benchmarks without history). */
    public static UsageHistory none() {
        UsageHistory none = new UsageHistory(null, null);
        none.problemTaken = true;
        return none;
    }

    /** Records the listing (retention at most once a day) and returns every user's evidence on that server. */
    public synchronized Map<String, UserEvidence> recordAndRead(ObservedListing listing) {
        if (store == null) {
            return Map.of();
        }
        Map<String, UserEvidence> evidence = null;
        try {
            evidence = store.recordAndRead(listing);
            if (store.retainIfDue(listing.at()) > 0) {
                evidence = null; // retention forgot users long dropped: read again (at most once a day)
            }
        } catch (RuntimeException e) {
            fail("cannot record the listing", e);
        }
        if (evidence != null) {
            return evidence;
        }
        try {
            return store.evidence(listing.server(), listing.engine());
        } catch (RuntimeException e) {
            fail("cannot read it", e);
            return Map.of();
        }
    }

    /** Counts over time for the chart; empty when the history is unavailable. */
    public synchronized List<StateCounts> timeline(String server, String engine, Instant from, Instant to, int points) {
        if (store == null) {
            return List.of();
        }
        try {
            return store.timeline(server, engine, from, to, points);
        } catch (RuntimeException e) {
            fail("cannot read it", e);
            return List.of();
        }
    }

    /** True when the server's history was seeded by the demo (shown as demo data). */
    public synchronized boolean isDemo(String server, String engine) {
        try {
            return store != null && store.isDemo(server, engine);
        } catch (RuntimeException e) {
            fail("cannot read it", e);
            return false;
        }
    }

    /** The store, for seeding and export; empty when unavailable. */
    public Optional<HistoryStore> store() {
        return Optional.ofNullable(store);
    }

    /** The one sentence about a failure, the first time it is asked for; afterwards empty. */
    public synchronized Optional<String> takeProblem() {
        if (problem == null || problemTaken) {
            return Optional.empty();
        }
        problemTaken = true;
        return Optional.of(problem);
    }

    private void fail(String what, RuntimeException e) {
        if (problem == null) {
            LOG.info("The usage history {}", what, e); // INFO: the file only, the sentence is said once
            problem = sentence(what + ": " + e.getMessage());
        } else {
            LOG.debug("The usage history {} again", what, e);
        }
    }

    private static String sentence(String cause) {
        return "The usage history is not available (" + cause + "); listing and actions go on without"
                + " last-active, locked-since and first-seen evidence.";
    }

    @Override
    public synchronized void close() {
        if (store != null) {
            try {
                store.close();
            } catch (RuntimeException e) {
                LOG.debug("Closing the usage history failed", e);
            }
        }
    }
}
