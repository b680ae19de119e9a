package dev.autouser.ui.connect;

import dev.autouser.core.AppDirs;
import dev.autouser.core.mongo.ConsoleException;
import dev.autouser.ui.ConsoleSession;

/** Starts the embedded demo server in-process with its PKI in the data folder, and connects to it. */
public final class DemoLauncher {
    private DemoLauncher() {
    }

    public static ConsoleSession start(AppDirs dirs) {
        throw new ConsoleException("The demo server arrives with the sandbox's demo data.");
    }
}
