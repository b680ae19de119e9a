package dev.autouser.cli;

import dev.autouser.core.logging.FailureLog;
import dev.autouser.core.logging.LogFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one line a failed command prints. A failure the console expects (a refusal, a bad file)
 * already carries its sentence; anything else says where the details went, never {@code null}.
 * Both are logged with their cause: expected ones at INFO (the terminal has the sentence; the log
 * file keeps the cause), unexpected ones at ERROR.
 */
final class CliErrors {
    private static final Logger LOG = LoggerFactory.getLogger(CliErrors.class);

    private CliErrors() {
    }

    static String sentence(Exception failure) {
        String message = failure.getMessage();
        if (failure.getClass().getName().startsWith("dev.autouser.") && message != null && !message.isBlank()) {
            FailureLog.info(LOG, "Command failed", failure);
            return message;
        }
        LOG.error("Command stopped by an unexpected failure", failure);
        return "The command stopped on an unexpected " + failure.getClass().getSimpleName()
                + "; the details are in " + LogFolder.todaysFile() + ".";
    }

    /**
     * The sentence of a failure a command handles itself (it prints the sentence and returns an exit
     * code), logged once with its cause like every other failure.
     */
    static String reported(Exception failure) {
        FailureLog.info(LOG, "Command failed", failure);
        return failure.getMessage();
    }
}
