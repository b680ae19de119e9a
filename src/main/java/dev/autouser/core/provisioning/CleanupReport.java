package dev.autouser.core.provisioning;

import java.time.Duration;
import java.util.List;

/** Per-user results of a bulk lock or drop, in plan order. */
public record CleanupReport(List<UserResult> results, Duration elapsed) {
    public CleanupReport {
        results = List.copyOf(results);
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

    public String summary() {
        return done() + " done, " + skipped() + " skipped, " + failed() + " failed";
    }
}
