package dev.autouser.ui.connect;

import dev.autouser.core.AppDirs;
import dev.autouser.core.mongo.ConnectionProfile;
import dev.autouser.core.mongo.ConsoleException;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.pki.DevPki;
import dev.autouser.sandbox.DemoActivity;
import dev.autouser.sandbox.DemoData;
import dev.autouser.sandbox.SandboxServer;
import dev.autouser.ui.ConsoleSession;

import java.time.Duration;
import java.util.Optional;

/**
 * Starts the embedded demo server in-process (TLS with its own CA in the data folder, demo users,
 * live sessions that come and go) and connects to it over TLS as {@code CN=dba}. The session owns
 * the server: closing the session stops it.
 */
public final class DemoLauncher {
    public static final String PROFILE_NAME = "Demo server";
    private static final Duration ACTIVITY_TICK = Duration.ofSeconds(4);

    private DemoLauncher() {
    }

    public static ConsoleSession start(AppDirs dirs) {
        return start(DevPki.openOrCreate(dirs.demoPki()), DemoData.Options.demo(), ACTIVITY_TICK);
    }

    /** {@code options} may add bulk users (benchmarks); the tick sets how often sessions change. */
    public static ConsoleSession start(DevPki pki, DemoData.Options options, Duration tick) {
        SandboxServer server = SandboxServer.builder().port(0).tls(pki).build().start();
        DemoActivity activity = null;
        try {
            DemoData.Seeded seeded = DemoData.seed(server, pki, options);
            activity = DemoActivity.start(server, pki, seeded, tick);
            activity.awaitInitialSessions(Duration.ofSeconds(30));
            ConnectionProfile profile = ConnectionProfile.x509(server.connectionString(), pki.caFile(),
                    seeded.dbaFile()).withName(PROFILE_NAME);
            MongoGateway gateway = MongoGateway.connect(profile, null);
            DemoActivity running = activity;
            AutoCloseable owned = () -> {
                running.close();
                server.close();
            };
            return new ConsoleSession(profile, gateway, gateway.facts(), Optional.of(owned));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(activity, server);
            throw new ConsoleException("Starting the demo server was interrupted.", e);
        } catch (RuntimeException e) {
            stop(activity, server);
            throw e;
        }
    }

    private static void stop(DemoActivity activity, SandboxServer server) {
        if (activity != null) {
            activity.close();
        }
        server.close();
    }
}
