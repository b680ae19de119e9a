package dev.autouser.ui.connect;

import dev.autouser.core.AppDirs;
import dev.autouser.core.mongo.ConnectionProfile;
import dev.autouser.core.ConsoleException;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.sandbox.RunningDemo;
import dev.autouser.ui.support.ConsoleSession;

import java.util.Optional;

/**
 * Starts the embedded demo in-process ({@link RunningDemo}: TLS with its own CA in the data folder,
 * demo users, live sessions that come and go) and connects to it over TLS as {@code CN=dba}. The
 * session owns the demo: closing the session stops it.
 */
public final class DemoLauncher {
    public static final String PROFILE_NAME = "Demo server";

    private DemoLauncher() {
    }

    public static ConsoleSession start(AppDirs dirs) {
        return start(RunningDemo.Settings.defaults(dirs.demoPki()), dirs);
    }

    /** A demo with {@code settings} whose usage history (in {@code dirs}) is seeded like the console's. */
    public static ConsoleSession start(RunningDemo.Settings settings, AppDirs dirs) {
        ConsoleSession session = start(settings);
        // Four days of plausible history (marked as demo data), so ages and the chart show from the start.
        session.ownedServer().filter(RunningDemo.class::isInstance).map(RunningDemo.class::cast).ifPresent(demo ->
                dev.autouser.sandbox.DemoHistory.seedFile(dirs.history(), demo, java.time.Instant.now()));
        return session;
    }

    /** {@code settings} may add bulk users (benchmarks) or slow the activity down (tests). */
    public static ConsoleSession start(RunningDemo.Settings settings) {
        RunningDemo demo;
        try {
            demo = RunningDemo.start(settings);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsoleException("Starting the demo server was interrupted.", e);
        }
        try {
            ConnectionProfile profile = ConnectionProfile.x509(demo.connectionString(), demo.pki().caFile(),
                    demo.seeded().dbaFile()).withName(PROFILE_NAME);
            MongoGateway gateway = MongoGateway.connect(profile, null);
            return ConsoleSession.mongo(profile, gateway, Optional.of(demo));
        } catch (RuntimeException e) {
            demo.close();
            throw e;
        }
    }
}
