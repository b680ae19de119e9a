package dev.autouser.sandbox.postgres;

import dev.autouser.core.pki.DevPki;
import dev.autouser.core.pki.PemContent;
import dev.autouser.core.pki.PemReader;
import dev.autouser.core.postgres.PostgresConnector;
import dev.autouser.core.postgres.PostgresProfile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;

/**
 * A real PostgreSQL (the binaries zonky's jar carries) for the demo: TLS with the demo CA's
 * {@code server.pem}, client certificates checked against {@code ca.pem}, and a {@code pg_hba.conf}
 * that admits only TLS on loopback: certificate logins ({@code cert}) for the bootstrap superuser,
 * Teleport's admin, the DBA and the auto-users, a password over TLS for every other role. The data
 * folder is a temporary one, removed on {@link #close()}.
 */
public final class DemoPostgresServer implements AutoCloseable {
    public static final String SUPERUSER = "postgres";
    static final String PG_CERTS = "postgres";

    private final EmbeddedPostgres postgres;
    private final DevPki pki;

    private DemoPostgresServer(EmbeddedPostgres postgres, DevPki pki) {
        this.postgres = postgres;
        this.pki = pki;
    }

    /** Starts the server on {@code port} (0: a free one); the demo CA issues what is missing. */
    public static DemoPostgresServer start(DevPki pki, int port) {
        Objects.requireNonNull(pki, "pki");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectoryCustomizer(dataDir -> prepareDataDirectory(dataDir.toPath(), pki))
                .setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", "server.pem")
                .setServerConfig("ssl_key_file", "server.pem")
                .setServerConfig("ssl_ca_file", "ca.pem")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "100")
                .setPGStartupWait(Duration.ofSeconds(20));
        bootstrapLogin(pki).forEach((key, value) -> builder.setConnectConfig((String) key, (String) value));
        if (port > 0) {
            builder.setPort(port);
        }
        try {
            return new DemoPostgresServer(builder.start(), pki);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL server", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public DevPki pki() {
        return pki;
    }

    /** {@code <pki>/postgres/<user>.pem}: the certificate ({@code CN=<user>}) and key a login uses, issued when missing. */
    public Path clientFile(String user) {
        return clientFile(pki, user);
    }

    /** A TLS connection as {@code user} with its demo certificate (pg_hba {@code cert}), through the console's connector. */
    public Connection connect(String user, String database, String applicationName) {
        Path identity = clientFile(user);
        String uri = "postgresql://" + encode(user) + "@localhost:" + port() + "/" + encode(database)
                + "?sslmode=verify-full&sslrootcert=" + encode(pki.caFile().toAbsolutePath().toString())
                + "&sslcert=" + encode(identity.toString()) + "&sslkey=" + encode(identity.toString())
                + "&application_name=" + encode(applicationName);
        return PostgresConnector.open(PostgresProfile.of(uri), null, null).connection();
    }

    /** A TLS connection with a password (pg_hba {@code scram-sha-256} for roles without a cert rule). */
    public Connection connectWithPassword(String user, String password, String database) {
        String uri = "postgresql://" + encode(user) + "@localhost:" + port() + "/" + encode(database)
                + "?sslmode=verify-full&sslrootcert=" + encode(pki.caFile().toAbsolutePath().toString());
        return PostgresConnector.open(PostgresProfile.of(uri), password.toCharArray(), null).connection();
    }

    /** The server's data folder (temporary, removed on close). */
    public Path dataDirectory() {
        return Path.of(setting("data_directory"));
    }

    /** {@code server_version}, e.g. 17.6. */
    public String version() {
        return setting("server_version");
    }

    private String setting(String name) {
        try (Connection connection = connect(SUPERUSER, "postgres", "autouser-demo");
             var statement = connection.prepareStatement("SELECT current_setting(?)")) {
            statement.setString(1, name);
            try (var row = statement.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot ask the demo PostgreSQL for " + name, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop the embedded PostgreSQL server", e);
        }
    }

    /**
     * The bootstrap superuser's login for zonky's own readiness check, which builds its data source
     * from properties: the driver's TLS with its own key loader, so the key is written once as the
     * DER files that loader reads, next to the demo's other keys.
     */
    private static Properties bootstrapLogin(DevPki pki) {
        Path combined = clientFile(pki, SUPERUSER);
        Path cert = combined.resolveSibling(SUPERUSER + ".crt");
        Path key = combined.resolveSibling(SUPERUSER + ".pk8");
        if (!Files.exists(key)) {
            PemContent content = PemReader.read(combined);
            try {
                writeOwnerOnly(cert, content.certificates().get(0).getEncoded());
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
            writeOwnerOnly(key, content.privateKey().orElseThrow().getEncoded());
        }
        Properties properties = new Properties();
        properties.setProperty("ssl", "true");
        properties.setProperty("sslmode", "verify-full");
        properties.setProperty("sslrootcert", pki.caFile().toAbsolutePath().toString());
        properties.setProperty("sslcert", cert.toString());
        properties.setProperty("sslkey", key.toString());
        return properties;
    }

    private static Path clientFile(DevPki pki, String user) {
        return pki.clientFile(user, PG_CERTS + "/" + user + ".pem").toAbsolutePath();
    }

    /** Runs after initdb, before the server starts: certificates and pg_hba.conf inside the data folder. */
    private static void prepareDataDirectory(Path dataDir, DevPki pki) {
        try {
            copyOwnerOnly(pki.serverFile(), dataDir.resolve("server.pem"));
            copyOwnerOnly(pki.caFile(), dataDir.resolve("ca.pem"));
            Files.writeString(dataDir.resolve("pg_hba.conf"), DemoHba.TEXT);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the PostgreSQL data folder " + dataDir, e);
        }
    }

    private static void writeOwnerOnly(Path file, byte[] content) {
        try {
            Files.write(file, content);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void copyOwnerOnly(Path from, Path to) throws IOException {
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        try {
            Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // The binaries in the jar are Linux ones; a non-POSIX file system never gets here.
        }
    }

}
