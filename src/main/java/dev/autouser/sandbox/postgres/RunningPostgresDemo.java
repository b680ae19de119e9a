package dev.autouser.sandbox.postgres;

import dev.autouser.core.pki.DevPki;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The PostgreSQL demo in one handle, for the CLI and the GUI: the demo CA, a real embedded
 * PostgreSQL with TLS and certificate logins, the seed and the live sessions. {@link #close()}
 * ends the sessions and stops the server (its temporary data folder goes with it).
 */
public final class RunningPostgresDemo implements AutoCloseable {
    private final DevPki pki;
    private final DemoPostgresServer server;
    private final PostgresDemoData.Seeded seeded;
    private final PostgresDemoActivity activity;

    private RunningPostgresDemo(DevPki pki, DemoPostgresServer server, PostgresDemoData.Seeded seeded,
                                PostgresDemoActivity activity) {
        this.pki = pki;
        this.server = server;
        this.seeded = seeded;
        this.activity = activity;
    }

    /** {@code port} 0 picks a free one. */
    public record Settings(Path pkiDir, int port, Duration activityTick) {
        public Settings {
            Objects.requireNonNull(pkiDir, "pkiDir");
            Objects.requireNonNull(activityTick, "activityTick");
        }

        public static Settings defaults(Path pkiDir) {
            return new Settings(pkiDir, 0, Duration.ofSeconds(5));
        }
    }

    /** Starts, seeds and opens the first sessions; {@code progress} hears each step. */
    public static RunningPostgresDemo start(Settings settings, Consumer<String> progress)
            throws SQLException, InterruptedException {
        progress.accept("Starting PostgreSQL");
        DevPki pki = DevPki.openOrCreate(settings.pkiDir());
        DemoPostgresServer server = DemoPostgresServer.start(pki, settings.port());
        PostgresDemoActivity activity = null;
        try {
            PostgresDemoData.Seeded seeded = PostgresDemoData.seed(server, progress);
            progress.accept("Opening the demo's sessions");
            activity = PostgresDemoActivity.start(server, settings.activityTick());
            activity.awaitInitialSessions(Duration.ofSeconds(30));
            return new RunningPostgresDemo(pki, server, seeded, activity);
        } catch (SQLException | RuntimeException | InterruptedException e) {
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

    public DemoPostgresServer server() {
        return server;
    }

    public PostgresDemoData.Seeded seeded() {
        return seeded;
    }

    public PostgresDemoActivity activity() {
        return activity;
    }

    /**
     * The DBA's libpq URI: {@code postgresql://dba@localhost:PORT/postgres?sslmode=verify-full&sslrootcert=...&sslcert=...&sslkey=...};
     * the certificate file holds the key too, which libpq reads from it as well.
     */
    public String dbaUri() {
        String identity = seeded.dbaFile().toAbsolutePath().toString();
        return "postgresql://" + PostgresDemoData.DBA + "@localhost:" + server.port() + "/" + PostgresDemoData.DEFAULT_DATABASE
                + "?sslmode=verify-full&sslrootcert=" + encode(pki.caFile().toAbsolutePath().toString())
                + "&sslcert=" + encode(identity) + "&sslkey=" + encode(identity);
    }

    @Override
    public void close() {
        try {
            activity.close();
        } finally {
            server.close();
        }
    }

    /** Percent-encodes what a URI query value cannot hold as is (libpq decodes it). */
    static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (" &?#%=+@:".indexOf(c) >= 0 || c > 126 || c < 32) {
                encoded.append(String.format("%%%02X", c));
            } else {
                encoded.append((char) c);
            }
        }
        return encoded.toString();
    }
}
