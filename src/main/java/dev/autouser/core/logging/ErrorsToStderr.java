package dev.autouser.core.logging;

import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import java.io.PrintStream;

/**
 * Reports logback's own configuration errors (e.g. a log folder that cannot be created) as one line
 * on stderr. Registering any status listener also stops logback from dumping its status list to
 * stdout, which would corrupt CLI output such as {@code list --json}.
 */
public final class ErrorsToStderr implements StatusListener {
    @Override
    public void addStatusEvent(Status status) {
        if (status.getEffectiveLevel() < Status.ERROR) {
            return;
        }
        PrintStream err = System.err;
        Throwable cause = status.getThrowable();
        err.println("autouser: logging problem: " + status.getMessage()
                + (cause == null ? "" : " (" + cause.getMessage() + ")"));
    }

    @Override
    public boolean isResetResistant() {
        return false;
    }
}
