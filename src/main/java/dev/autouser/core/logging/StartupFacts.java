package dev.autouser.core.logging;

import ch.qos.logback.classic.Level;
import dev.autouser.core.AppDirs;
import dev.autouser.core.AppVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The facts a support question starts with, logged once when the console or a CLI command starts:
 * version, Java, operating system, data and log folders, log level, and what was started. Never a
 * secret: {@code what} is a command path and option names, never their values.
 */
public final class StartupFacts {
    private static final Logger LOG = LoggerFactory.getLogger(StartupFacts.class);

    private StartupFacts() {
    }

    /** Logs the facts at INFO; {@code what} is e.g. "the console" or "command: users lock --uri --yes". */
    public static void log(String what, AppDirs dirs) {
        LOG.info(line(what, dirs, System::getProperty));
    }

    static String line(String what, AppDirs dirs, UnaryOperator<String> property) {
        return "Auto-User Console " + AppVersion.current() + " starts " + what
                + " on Java " + property.apply("java.version") + " (" + property.apply("java.vendor") + "), "
                + property.apply("os.name") + " " + property.apply("os.version") + " " + property.apply("os.arch")
                + "; data in " + dirs.data() + ", config in " + dirs.config()
                + "; logs in " + LogFolder.todaysFile().getParent() + " at level " + level();
    }

    /** The level of the console's own classes, as LogConfiguration resolved it (AUTOUSER_LOG_LEVEL). */
    static String level() {
        return Optional.of(LoggerFactory.getLogger("dev.autouser"))
                .filter(ch.qos.logback.classic.Logger.class::isInstance)
                .map(l -> ((ch.qos.logback.classic.Logger) l).getEffectiveLevel())
                .map(Level::toString).orElse("unknown");
    }
}
