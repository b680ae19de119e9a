package dev.autouser.core.logging;

import dev.autouser.core.ConsoleException;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * Logs a failure once with its cause. A failure already in the log with its cause (a server
 * command's, {@link ConsoleException#isLogged()}, also when wrapped) gets one INFO line naming the
 * outcome, not a second stack trace.
 */
public final class FailureLog {
    private FailureLog() {
    }

    /** {@code what} opens the line: "Planning the cleanup failed". For failures nobody sees on a terminal (the GUI). */
    public static void warn(Logger log, String what, Throwable failure) {
        log(log, Level.WARN, what, failure);
    }

    /**
     * The same at INFO, for a failure the CLI has just printed as its one sentence: the file keeps the
     * cause, and the terminal (which gets WARN and above) is not told twice.
     */
    public static void info(Logger log, String what, Throwable failure) {
        log(log, Level.INFO, what, failure);
    }

    private static void log(Logger log, Level level, String what, Throwable failure) {
        if (alreadyLogged(failure)) {
            log.info("{}: {}", what, failure.getMessage());
        } else {
            log.atLevel(level).setCause(failure).log("{}: {}", what, failure.getMessage());
        }
    }

    static boolean alreadyLogged(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConsoleException console && console.isLogged()) {
                return true;
            }
        }
        return false;
    }
}
