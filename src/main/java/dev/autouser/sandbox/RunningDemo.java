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
    private final SandboxServer server;
    private final DemoData.Seeded seeded;
    private final DemoActivity activity;

    private RunningDemo(DevPki pki, SandboxServer server, DemoData.Seeded seeded, DemoActivity activity) {
        this.pki = pki;
        this.server = server;
        this.seeded = seeded;
        this.activity = activity;
    }

    /** What to start; {@code port} 0 picks a free port. */
    public record Settings(Path pkiDir, int port, DemoData.Options options, String serverVersion, Duration activityTick) {
        public Settings {
            Objects.requireNonNull(pkiDir, "pkiDir");
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(serverVersion, "serverVersion");
            Objects.requireNonNull(activityTick, "activityTick");
        }

        public static Settings defaults(Path pkiDir) {
            return new Settings(pkiDir, 0, DemoData.Options.demo(), SandboxServer.DEFAULT_VERSION, Duration.ofSeconds(5));
        }
    }

    /** Starts server, seed and activity; returns once the demo's initial sessions are open (at most 30 s). */
    public static RunningDemo start(Settings settings) throws InterruptedException {
        DevPki pki = DevPki.openOrCreate(settings.pkiDir());
        SandboxServer server = SandboxServer.builder().port(settings.port()).tls(pki)
                .serverVersion(settings.serverVersion()).build().start();
        DemoActivity activity = null;
        try {
            DemoData.Seeded seeded = DemoData.seed(server, pki, settings.options());
            activity = DemoActivity.start(server, pki, seeded, settings.activityTick());
            activity.awaitInitialSessions(Duration.ofSeconds(30));
            return new RunningDemo(pki, server, seeded, activity);
        } catch (RuntimeException | InterruptedException e) {
            // The activity's thread and sessions must not outlive a start that did not finish.
            if (activity != null) {
                activity.close();
            }
            server.close();
            throw e;
        }
    }

    public DevPki pki() {
        return pki;
    }

    public SandboxServer server() {
        return server;
    }

    public DemoData.Seeded seeded() {
        return seeded;
    }

    public DemoActivity activity() {
        return activity;
    }

    /** {@code mongodb://localhost:PORT/?tls=true&tlsCAFile=...&tlsCertificateKeyFile=<dba.pem>}. */
    public String dbaConnectionString() {
        return "mongodb://localhost:" + server.port() + "/?tls=true&tlsCAFile="
                + uriEncode(pki.caFile().toAbsolutePath().toString())
                + "&tlsCertificateKeyFile=" + uriEncode(seeded.dbaFile().toAbsolutePath().toString());
    }

    @Override
    public void close() {
        activity.close();
        server.close();
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
