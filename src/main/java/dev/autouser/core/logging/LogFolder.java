package dev.autouser.core.logging;

import ch.qos.logback.core.PropertyDefinerBase;
import dev.autouser.core.AppDirs;

/**
 * Tells {@code logback.xml} where the log files go: the {@code logs} folder of the platform's data
 * directory ({@link AppDirs#logs()}), so {@code -Dautouser.home} moves the logs with everything else.
 */
public final class LogFolder extends PropertyDefinerBase {
    @Override
    public String getPropertyValue() {
        return AppDirs.forCurrentUser().logs().toString();
    }
}
