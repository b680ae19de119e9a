package dev.autouser.cli;

import dev.autouser.sandbox.postgres.PostgresDemoData;
import dev.autouser.sandbox.postgres.PostgresDemoRoster;
import dev.autouser.sandbox.postgres.RunningPostgresDemo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code autouser demo-server --engine postgres}: a real embedded PostgreSQL with the demo's
 * auto-users and sessions until interrupted. Progress goes to stderr, so stdout's first line is
 * the {@code ready postgresql://...} URI that psql and {@code --uri} accept as is.
 */
final class PostgresDemoServerRun implements Callable<Integer> {
    static final int DEFAULT_PORT = 5432;

    private final Path pkiDir;
    private final int port;
    private final int activitySeconds;
    private final List<String> mongoOnlyOptions;

    PostgresDemoServerRun(Path pkiDir, int port, int activitySeconds, List<String> mongoOnlyOptions) {
        this.pkiDir = pkiDir;
        this.port = port;
        this.activitySeconds = activitySeconds;
        this.mongoOnlyOptions = mongoOnlyOptions;
    }

    @Override
    public Integer call() throws Exception {
        if (!mongoOnlyOptions.isEmpty()) {
            System.err.println(String.join(", ", mongoOnlyOptions) + (mongoOnlyOptions.size() == 1 ? " is" : " are")
                    + " for the MongoDB demo only; the PostgreSQL demo takes --port, --pki-dir and --activity-seconds.");
            return AutoUserCommand.USAGE_OR_CONNECTION;
        }
        if (port < 0 || port > 65535) {
            System.err.println("--port must be between 0 and 65535, not " + port + ".");
            return AutoUserCommand.USAGE_OR_CONNECTION;
        }
        RunningPostgresDemo demo;
        try {
            demo = RunningPostgresDemo.start(new RunningPostgresDemo.Settings(pkiDir, port,
                    Duration.ofSeconds(Math.max(1, activitySeconds))), step -> System.err.println("starting: " + step));
        } catch (RuntimeException | java.sql.SQLException e) {
            System.err.println("Cannot start the PostgreSQL demo server on port " + port
                    + " (is it in use? choose another with --port, 0 for any free one): " + rootMessage(e));
            return AutoUserCommand.USAGE_OR_CONNECTION;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            demo.close();
            stopped.countDown();
        }, "postgres-demo-shutdown"));
        printReady(System.out, demo);
        stopped.await();
        return AutoUserCommand.OK;
    }

    private static void printReady(PrintStream out, RunningPostgresDemo demo) {
        out.println("ready " + demo.dbaUri());
        out.println("DBA login (certificate, superuser): user " + PostgresDemoData.DBA + ", certificate and key in "
                + demo.seeded().dbaFile().toAbsolutePath());
        out.println("Teleport admin (certificate, LOGIN CREATEROLE): user " + PostgresDemoData.TELEPORT_ADMIN + ", "
                + demo.seeded().teleportAdminFile().toAbsolutePath());
        out.println("Auto-users: " + PostgresDemoRoster.USERS.size() + " Teleport users in group teleport-auto-user"
                + " (some come and go); login roles outside the group: "
                + String.join(", ", demo.seeded().outsiderPasswords().keySet()) + " (password logins over TLS)");
        out.println("PostgreSQL " + demo.server().version() + ", data folder " + demo.server().dataDirectory()
                + " (removed on exit); press Ctrl+C to stop.");
        out.println("psql '" + demo.dbaUri() + "'");
        out.flush();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
