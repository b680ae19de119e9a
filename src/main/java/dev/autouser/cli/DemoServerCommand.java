package dev.autouser.cli;

import dev.autouser.core.AppDirs;
import dev.autouser.core.pki.DevPki;
import dev.autouser.sandbox.DemoActivity;
import dev.autouser.sandbox.DemoData;
import dev.autouser.sandbox.SandboxServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code autouser demo-server}: the embedded MongoDB-compatible server with demo data, until interrupted. */
@Command(name = "demo-server", mixinStandardHelpOptions = true,
        description = "Run the embedded MongoDB-compatible demo server (TLS, X.509 and SCRAM logins) until interrupted.")
public final class DemoServerCommand implements Callable<Integer> {
    @Option(names = "--port", description = "TCP port to listen on (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = 27017;

    @Option(names = "--pki-dir", description = "Folder for ca.pem, server.pem, dba.pem, teleport-admin.pem and users/*.pem; existing files are reused (default: the app's data folder).")
    Path pkiDir;

    @Option(names = "--seed", description = "demo (auto-users in every state, live sessions) or empty (logins only); default ${DEFAULT-VALUE}.")
    String seed = "demo";

    @Option(names = "--users", description = "Extra auto-users in mixed states, seeded straight into the store (e.g. 100000 for benchmarks).")
    int users;

    @Option(names = "--server-version", description = "MongoDB version to report (default ${DEFAULT-VALUE}).")
    String serverVersion = SandboxServer.DEFAULT_VERSION;

    @Option(names = "--activity-seconds", description = "Seconds between demo session changes (default ${DEFAULT-VALUE}).")
    int activitySeconds = 5;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        DemoData.Options options;
        try {
            options = new DemoData.Options(parseSeed(seed), users);
            SandboxServer.builder().port(port).serverVersion(serverVersion);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return AutoUserCommand.USAGE_OR_CONNECTION;
        }
        DevPki pki = DevPki.openOrCreate(pkiDir != null ? pkiDir : AppDirs.forCurrentUser().demoPki());
        SandboxServer server;
        try {
            server = SandboxServer.builder().port(port).tls(pki).serverVersion(serverVersion).build().start();
        } catch (IllegalStateException e) {
            System.err.println("Cannot start the demo server on port " + port
                    + " (is it in use? choose another with --port): " + rootMessage(e));
            return AutoUserCommand.USAGE_OR_CONNECTION;
        }
        DemoData.Seeded seeded = DemoData.seed(server, pki, options);
        DemoActivity activity = DemoActivity.start(server, pki, seeded, Duration.ofSeconds(Math.max(1, activitySeconds)));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            activity.close();
            server.close();
            stopped.countDown();
        }, "demo-server-shutdown"));
        activity.awaitInitialSessions(Duration.ofSeconds(30));
        printReady(out, server, pki, seeded);
        stopped.await();
        return AutoUserCommand.OK;
    }

    private static void printReady(PrintStream out, SandboxServer server, DevPki pki, DemoData.Seeded seeded) {
        String ca = pki.caFile().toAbsolutePath().toString();
        String dba = seeded.dbaFile().toAbsolutePath().toString();
        out.println("ready mongodb://localhost:" + server.port() + "/?tls=true&tlsCAFile=" + uriEncode(ca)
                + "&tlsCertificateKeyFile=" + uriEncode(dba));
        out.println("DBA login (X.509): user " + DemoData.DBA_SUBJECT + " in $external, certificate and key in " + dba);
        out.println("DBA login (SCRAM-SHA-256): user " + DemoData.DBA_PASSWORD_USER + " in admin, password "
                + seeded.dbaPassword() + " (TLS still needs a client certificate, e.g. the one above)");
        out.println("Teleport admin (X.509): CN=teleport-admin, " + seeded.teleportAdminFile().toAbsolutePath());
        out.println("Auto-users: " + seeded.autoUsers().size() + " demo + " + seeded.extraUsers()
                + " extra; version " + server.version() + "; press Ctrl+C to stop.");
        out.println("mongosh --tls --host localhost --port " + server.port() + " --tlsCAFile '" + ca
                + "' --tlsCertificateKeyFile '" + dba
                + "' --authenticationMechanism MONGODB-X509 --authenticationDatabase '$external'");
        out.flush();
    }

    private static DemoData.Seed parseSeed(String text) {
        try {
            return DemoData.Seed.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--seed must be demo or empty, not '" + text + "'.");
        }
    }

    /** Percent-encodes what a connection-string value cannot hold as is (spaces, &, ?, #, %). */
    static String uriEncode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == ' ' || c == '&' || c == '?' || c == '#' || c == '%' || c == '=' || c == '+') {
                encoded.append(String.format("%%%02X", (int) c));
            } else {
                encoded.append(c);
            }
        }
        return encoded.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
