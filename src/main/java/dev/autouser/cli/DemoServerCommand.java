package dev.autouser.cli;

import dev.autouser.core.AppDirs;
import dev.autouser.sandbox.DemoData;
import dev.autouser.sandbox.DemoHistory;
import dev.autouser.sandbox.RunningDemo;
import dev.autouser.sandbox.SandboxServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code autouser demo-server}: the embedded MongoDB-compatible server with demo data, until interrupted. */
@Command(name = "demo-server", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run the embedded MongoDB-compatible demo server (TLS, X.509 and SCRAM logins), or with --engine postgres"
                + " a real embedded PostgreSQL (TLS, certificate logins), until interrupted.")
public final class DemoServerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--engine", description = "mongodb (the sandbox, default) or postgres (a real embedded PostgreSQL 17).")
    String engine = "mongodb";

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

    @Option(names = "--replica-set", paramLabel = "N",
            description = "Run a replica set of N members (1..7) on consecutive ports from --port, sharing one user store"
                    + " (default: 3 members, like the console's demo).")
    Integer replicaSetMembers;

    @Option(names = "--standalone", description = "Run one standalone server on --port only.")
    boolean standalone;

    @Option(names = "--mongos", paramLabel = "M",
            description = "Run a sharded cluster behind M mongos routers (1..7) on consecutive ports from --port.")
    Integer routers;

    @Option(names = "--sharded", description = "A sharded cluster behind two mongos routers (same as --mongos 2).")
    boolean sharded;

    @Option(names = "--activity-seconds", description = "Seconds between demo session changes (default ${DEFAULT-VALUE}).")
    int activitySeconds = 5;

    @Override
    public Integer call() throws Exception {
        String chosen = engine.toLowerCase(Locale.ROOT);
        if (chosen.equals("postgres") || chosen.equals("postgresql")) {
            return new PostgresDemoServerRun(pkiDir != null ? pkiDir : AppDirs.forCurrentUser().demoPki(),
                    spec.commandLine().getParseResult().hasMatchedOption("--port") ? port : PostgresDemoServerRun.DEFAULT_PORT,
                    activitySeconds, mongoOnlyOptionsGiven()).call();
        }
        if (!chosen.equals("mongodb") && !chosen.equals("mongo")) {
            System.err.println("--engine must be mongodb or postgres, not '" + engine + "'.");
            return AutoUserCommand.USAGE_OR_CONNECTION;
        }
        RunningDemo.Settings settings;
        try {
            SandboxServer.builder().port(port).serverVersion(serverVersion);
            settings = new RunningDemo.Settings(pkiDir != null ? pkiDir : AppDirs.forCurrentUser().demoPki(), port,
                    new DemoData.Options(parseSeed(seed), users), serverVersion,
                    Duration.ofSeconds(Math.max(1, activitySeconds)), shape());
        } catch (IllegalArgumentException e) {
            System.err.println(CliErrors.reported(e));
            return AutoUserCommand.USAGE_OR_CONNECTION;
        }
        RunningDemo demo;
        try {
            demo = RunningDemo.start(settings);
        } catch (IllegalStateException e) {
            CliErrors.reported(e);
            System.err.println("Cannot start the demo server on port " + port
                    + " (is it in use? choose another with --port): " + rootMessage(e));
            return AutoUserCommand.USAGE_OR_CONNECTION;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            demo.close();
            stopped.countDown();
        }, "demo-server-shutdown"));
        // Four days of plausible usage history for this demo (marked as demo data), so `list` shows ages.
        DemoHistory.seedFile(AppDirs.forCurrentUser().history(), demo, java.time.Instant.now())
                .ifPresent(System.err::println);
        printReady(System.out, demo);
        stopped.await();
        return AutoUserCommand.OK;
    }

    private java.util.List<String> mongoOnlyOptionsGiven() {
        return java.util.stream.Stream.of("--seed", "--users", "--server-version", "--replica-set", "--mongos", "--sharded",
                        "--standalone")
                .filter(spec.commandLine().getParseResult()::hasMatchedOption).toList();
    }

    /** Without a shape option: the 3-member replica set the console's own demo runs. */
    RunningDemo.Shape shape() {
        int chosen = (replicaSetMembers != null ? 1 : 0) + (routers != null || sharded ? 1 : 0) + (standalone ? 1 : 0);
        if (chosen > 1) {
            throw new IllegalArgumentException("Choose one of --replica-set, --mongos/--sharded or --standalone.");
        }
        if (standalone) {
            return RunningDemo.Shape.STANDALONE;
        }
        if (routers != null || sharded) {
            int count = routers != null ? routers : 2;
            dev.autouser.sandbox.SandboxCluster.routers(count);
            return RunningDemo.Shape.routers(count);
        }
        int members = replicaSetMembers != null ? replicaSetMembers : DEFAULT_MEMBERS;
        dev.autouser.sandbox.SandboxCluster.replicaSet(members);
        return RunningDemo.Shape.replicaSet(members);
    }

    static final int DEFAULT_MEMBERS = 3;

    /**
     * The {@code ready} line names one host, {@code mongodb://localhost:PORT/?…}, as it always did, so
     * scripts that match that keep working: for a replica set {@code replicaSet=} makes drivers and
     * mongosh find the other members from that one; routers cannot be found that way, so all are listed.
     */
    static void printReady(PrintStream out, RunningDemo demo) {
        String ca = demo.pki().caFile().toAbsolutePath().toString();
        String dba = demo.seeded().dbaFile().toAbsolutePath().toString();
        int port = demo.server().port();
        out.println("ready " + demo.dbaConnectionString(demo.cluster().kind() != dev.autouser.sandbox.SandboxCluster.Kind.SHARDED));
        out.println("DBA login (X.509): user " + DemoData.DBA_SUBJECT + " in $external, certificate and key in " + dba);
        out.println("DBA login (SCRAM-SHA-256): user " + DemoData.DBA_PASSWORD_USER + " in admin, password "
                + demo.seeded().dbaPassword() + " (TLS still needs a client certificate, e.g. the one above)");
        out.println("Teleport admin (X.509): CN=teleport-admin, " + demo.seeded().teleportAdminFile().toAbsolutePath());
        out.println("Auto-users: " + demo.seeded().autoUsers().size() + " demo + " + demo.seeded().extraUsers()
                + " extra; version " + demo.server().version() + "; press Ctrl+C to stop.");
        if (demo.cluster().nodes().size() > 1) {
            out.println("Nodes (" + demo.cluster().kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "): "
                    + String.join(", ", demo.cluster().hosts()) + "; demo sessions are spread over them.");
        }
        out.println("mongosh --tls --host localhost --port " + port + " --tlsCAFile '" + ca
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

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
