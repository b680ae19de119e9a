package dev.autouser.sandbox;

import dev.autouser.core.pki.DevPki;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The whole demo in one handle, for the CLI and for the GUI that runs it in-process: the PKI
 * folder, a TLS sandbox, the seed and the live activity. {@link #close()} stops all of it.
 */
public final class RunningDemo implements AutoCloseable {
    private final DevPki pki;
    private final SandboxCluster cluster;
    private final DemoData.Seeded seeded;
    private final DemoActivity activity;

    private RunningDemo(DevPki pki, SandboxCluster cluster, DemoData.Seeded seeded, DemoActivity activity) {
        this.pki = pki;
        this.cluster = cluster;
        this.seeded = seeded;
        this.activity = activity;
    }

    /**
     * The deployment to run: a standalone, a replica set of {@code size} members (the last
     * {@code hidden} of them hidden), or {@code size} mongos.
     */
    public record Shape(SandboxCluster.Kind kind, int size, int hidden) {
        public static final Shape STANDALONE = new Shape(SandboxCluster.Kind.STANDALONE, 1);

        public Shape(SandboxCluster.Kind kind, int size) {
            this(kind, size, 0);
        }

        public static Shape replicaSet(int members) {
            return new Shape(SandboxCluster.Kind.REPLICA_SET, members);
        }

        /** A replica set whose last {@code hidden} members are hidden (in no hello; see SandboxCluster.Builder#hidden). */
        public static Shape replicaSetWithHidden(int members, int hidden) {
            return new Shape(SandboxCluster.Kind.REPLICA_SET, members, hidden);
        }

        public static Shape routers(int count) {
            return new Shape(SandboxCluster.Kind.SHARDED, count);
        }

        SandboxCluster.Builder builder() {
            return switch (kind) {
                case STANDALONE -> SandboxCluster.standalone();
                case REPLICA_SET -> SandboxCluster.replicaSet(size)
                        .hidden(java.util.stream.IntStream.range(size - hidden, size).toArray());
                case SHARDED -> SandboxCluster.routers(size);
            };
        }
    }

    /** What to start; {@code port} 0 picks free ports, otherwise the nodes take consecutive ports from it. */
    public record Settings(Path pkiDir, int port, DemoData.Options options, String serverVersion, Duration activityTick,
                           Shape shape) {
        public Settings {
            Objects.requireNonNull(pkiDir, "pkiDir");
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(serverVersion, "serverVersion");
            Objects.requireNonNull(activityTick, "activityTick");
            Objects.requireNonNull(shape, "shape");
        }

        /** A standalone demo server. */
        public Settings(Path pkiDir, int port, DemoData.Options options, String serverVersion, Duration activityTick) {
            this(pkiDir, port, options, serverVersion, activityTick, Shape.STANDALONE);
        }

        /** The console's demo: a 3-member replica set, so sessions on secondaries are part of the picture. */
        public static Settings defaults(Path pkiDir) {
            return new Settings(pkiDir, 0, DemoData.Options.demo(), SandboxServer.DEFAULT_VERSION, Duration.ofSeconds(5),
                    Shape.replicaSet(3));
        }

        public Settings withShape(Shape newShape) {
            return new Settings(pkiDir, port, options, serverVersion, activityTick, newShape);
        }
    }

    /** Starts the nodes, seed and activity; returns once the demo's initial sessions are open (at most 30 s). */
    public static RunningDemo start(Settings settings) throws InterruptedException {
        DevPki pki = DevPki.openOrCreate(settings.pkiDir());
        SandboxCluster cluster = settings.shape().builder().firstPort(settings.port()).tls(pki)
                .serverVersion(settings.serverVersion()).start();
        DemoActivity activity = null;
        try {
            DemoData.Seeded seeded = DemoData.seed(cluster.first(), pki, settings.options());
            for (int i = 1; i < cluster.nodes().size(); i++) {
                DemoDocuments.insert(cluster.node(i));
            }
            activity = DemoActivity.start(cluster, pki, seeded, settings.activityTick());
            activity.awaitInitialSessions(Duration.ofSeconds(30));
            return new RunningDemo(pki, cluster, seeded, activity);
        } catch (RuntimeException | InterruptedException e) {
            // The activity's thread and sessions must not outlive a start that did not finish.
            if (activity != null) {
                activity.close();
            }
            cluster.close();
            throw e;
        }
    }

    public DevPki pki() {
        return pki;
    }

    /** The node named first (the one the {@code ready} line names); all nodes share its user store. */
    public SandboxServer server() {
        return cluster.first();
    }

    /** Every node, for stopping and starting members or stepping down (tests, demos of failure). */
    public SandboxCluster cluster() {
        return cluster;
    }

    /** What the driver is given: every node's host, {@code replicaSet=} on a replica set, TLS. */
    public String connectionString() {
        return cluster.connectionString();
    }

    public DemoData.Seeded seeded() {
        return seeded;
    }

    public DemoActivity activity() {
        return activity;
    }

    /** {@code mongodb://localhost:PORT[,...]/?[replicaSet=rs0&]tls=true&tlsCAFile=...&tlsCertificateKeyFile=<dba.pem>}. */
    public String dbaConnectionString() {
        return dbaConnectionString(false);
    }

    /** With {@code firstHostOnly}, the seed list is the first node (a replica set is discovered from it). */
    public String dbaConnectionString(boolean firstHostOnly) {
        return cluster.connectionString(firstHostOnly) + "&tlsCAFile="
                + uriEncode(pki.caFile().toAbsolutePath().toString())
                + "&tlsCertificateKeyFile=" + uriEncode(seeded.dbaFile().toAbsolutePath().toString());
    }

    @Override
    public void close() {
        activity.close();
        cluster.close();
    }

    /** Percent-encodes what a connection-string value cannot hold as is. */
    static String uriEncode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (" &?#%=+".indexOf(c) >= 0) {
                encoded.append(String.format("%%%02X", (int) c));
            } else {
                encoded.append(c);
            }
        }
        return encoded.toString();
    }
}
