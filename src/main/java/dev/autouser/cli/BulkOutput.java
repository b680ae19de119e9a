package dev.autouser.cli;

import dev.autouser.core.provisioning.CleanupReport;
import dev.autouser.core.provisioning.ProgressListener;
import dev.autouser.core.provisioning.UserResult;

import java.io.PrintWriter;
import java.util.Locale;

/** How bulk operations print: one line per user as it finishes, then a summary. */
final class BulkOutput {
    private BulkOutput() {
    }

    static ProgressListener printer(PrintWriter out) {
        return (result, finished, total) -> {
            out.println(String.format("[%d/%d] %-7s %s: %s", finished, total,
                    result.status().name().toLowerCase(Locale.ROOT), result.mongoName(), result.detail()));
            out.flush();
        };
    }

    /** Prints the summary; exit 1 when any user was not done (failed, skipped or not attempted). */
    static int finish(PrintWriter out, CleanupReport report) {
        out.println(report.summary() + ".");
        return anyNotDone(report) ? AutoUserCommand.SOME_FAILED : AutoUserCommand.OK;
    }

    static boolean anyNotDone(CleanupReport report) {
        return report.results().stream().anyMatch(r -> r.status() != UserResult.Status.DONE);
    }
}
