package dev.autouser.core.provisioning;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Per-user results of a bulk lock or drop, in the order they happened, and why the run stopped
 * early (a lost connection, an audit log that could not be written), if it did.
 */
public record CleanupReport(List<UserResult> results, Duration elapsed, String stoppedBecause) {
    public CleanupReport {
        results = List.copyOf(results);
        stoppedBecause = stoppedBecause == null ? "" : stoppedBecause;
    }

    public CleanupReport(List<UserResult> results, Duration elapsed) {
        this(results, elapsed, "");
    }

    public List<UserResult> with(UserResult.Status status) {
        return results.stream().filter(r -> r.status() == status).toList();
    }

    public int done() {
        return with(UserResult.Status.DONE).size();
    }

    public int skipped() {
        return with(UserResult.Status.SKIPPED).size();
    }

    public int failed() {
        return with(UserResult.Status.FAILED).size();
    }

    public boolean hasFailures() {
        return failed() > 0;
    }

    /** Why the run stopped before every user was tried; empty when it ran to the end. */
    public Optional<String> stopped() {
        return stoppedBecause.isEmpty() ? Optional.empty() : Optional.of(stoppedBecause);
    }

    public String summary() {
        return done() + " done, " + skipped() + " skipped, " + failed() + " failed"
                + stopped().map(why -> "; stopped early: " + why).orElse("");
    }
}
