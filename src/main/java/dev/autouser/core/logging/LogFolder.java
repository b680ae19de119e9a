package dev.autouser.core.logging;

import ch.qos.logback.core.PropertyDefinerBase;
import dev.autouser.core.AppDirs;

/**
 * Tells {@link LogConfiguration} where the log files go: the {@code logs} folder of the platform's data
 * directory ({@link AppDirs#logs()}), so {@code -Dautouser.home} moves the logs with everything else.
 */
public final class LogFolder extends PropertyDefinerBase {
    @Override
    public String getPropertyValue() {
        return AppDirs.forCurrentUser().logs().toString();
    }

    /** Today's log file as {@link LogConfiguration} names it ({@code -Dautouser.log.dir} moves it). */
    public static java.nio.file.Path todaysFile() {
        String dir = System.getProperty("autouser.log.dir", AppDirs.forCurrentUser().logs().toString());
        return java.nio.file.Path.of(dir, "autouser-" + java.time.LocalDate.now() + ".log");
    }
}
