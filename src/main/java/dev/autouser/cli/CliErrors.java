package dev.autouser.cli;

import dev.autouser.core.logging.LogFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one line a failed command prints. A failure the console expects (a refusal, a bad file)
 * already carries its sentence; anything else says where the details went, never {@code null}.
 * Both are logged with their cause.
 */
final class CliErrors {
    private static final Logger LOG = LoggerFactory.getLogger(CliErrors.class);

    private CliErrors() {
    }

    static String sentence(Exception failure) {
        String message = failure.getMessage();
        if (failure.getClass().getName().startsWith("dev.autouser.") && message != null && !message.isBlank()) {
            LOG.warn("Command failed: {}", message, failure);
            return message;
        }
        LOG.error("Command stopped by an unexpected failure", failure);
        return "The command stopped on an unexpected " + failure.getClass().getSimpleName()
                + "; the details are in " + LogFolder.todaysFile() + ".";
    }
}
