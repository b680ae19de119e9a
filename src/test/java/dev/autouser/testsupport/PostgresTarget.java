package dev.autouser.testsupport;

import dev.autouser.core.pki.DevPki;
import dev.autouser.core.pki.PemContent;
import dev.autouser.core.pki.PemReader;
import dev.autouser.core.postgres.PostgresConnector;
import dev.autouser.core.postgres.PostgresProfile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateEncodingException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a test's PostgreSQL lives: one real embedded PostgreSQL 17 per test JVM (zonky), with TLS from
 * a development CA and {@code cert} authentication for {@code dba} (superuser) and {@code teleport-admin}
 * ({@code LOGIN CREATEROLE}, {@code teleport-auto-user} WITH ADMIN OPTION, as Teleport's guide asks);
 * or, when {@code POSTGRES_TEST_URI} is set, that server (e.g. Debian's PostgreSQL), whose CA and key are in
 * {@code POSTGRES_TEST_PKI_DIR} and which lets {@code dba} in with a certificate from it. Other roles
 * (auto-users opening sessions in tests) log in over TCP without a password ({@code trust}), standing in
 * for Teleport's certificate logins; NOLOGIN still refuses them.
 */
public final class PostgresTarget {
    public static final String DBA = "dba";
    public static final String TELEPORT_ADMIN = "teleport-admin";
    public static final String PASSWORD_DBA = "pw-dba";
    public static final String PASSWORD = "pw-dba-secret";

    private final String host;
    private final int port;
    private final DevPki pki;

    private PostgresTarget(String host, int port, DevPki pki) {
        this.host = host;
        this.port = port;
        this.pki = pki;
    }

    /** The shared server of this JVM: the embedded one, or POSTGRES_TEST_URI's. */
    public static PostgresTarget shared() {
        return Shared.TARGET;
    }

    public boolean isEmbedded() {
        return System.getenv("POSTGRES_TEST_URI") == null;
    }

    /** {@code postgresql://localhost:PORT/postgres?sslmode=verify-full} with no user: the certificate's CN names it. */
    public String uri() {
        return "postgresql://" + host + ":" + port + "/postgres?sslmode=verify-full";
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public Path caFile() {
        return pki.caFile();
    }

    /** {@code <name>.crt} and {@code <name>.key}, as {@code tctl auth sign --format=db} writes them (issued when missing). */
    public Path certFile(String role) {
        return splitClientFiles(role)[0];
    }

    public Path keyFile(String role) {
        return splitClientFiles(role)[1];
    }

    /** One combined PEM (certificate + key) for {@code role}. */
    public Path combinedFile(String role) {
        return pki.clientFile(role, "pg-" + role + ".pem");
    }

    /** The console's profile for {@code role} with its certificate and key, CA checked, host name checked. */
    public PostgresProfile profileAs(String role) {
        return PostgresProfile.of(uri()).withClientCertificate(certFile(role), keyFile(role))
                .withCa(caFile());
    }

    /** A superuser JDBC connection for seeding and inspecting (as {@code dba}, by certificate). */
    public Connection admin() {
        return PostgresConnector.open(profileAs(DBA), null, null).connection();
    }

    /** A session as {@code role} to {@code database} (trust over TCP, no TLS): a person connected through Teleport. */
    public Connection sessionAs(String role, String database, String applicationName) throws SQLException {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", role);
        properties.setProperty("ApplicationName", applicationName);
        properties.setProperty("sslmode", "disable");
        return java.sql.DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, properties);
    }

    /** The URI psql takes to connect as {@code role}, with its certificate, key and the CA in it. */
    public String psqlUri(String role) {
        return "postgresql://" + role + "@" + host + ":" + port + "/postgres?sslmode=verify-full&sslrootcert=" + caFile()
                + "&sslcert=" + certFile(role) + "&sslkey=" + keyFile(role);
    }

    /** The first column of the first row of {@code sql} (as the superuser); false when there is no row. */
    public boolean queryBoolean(String sql) {
        try (Connection connection = admin(); Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() && rows.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + e.getMessage(), e);
        }
    }

    public boolean roleExists(String role) {
        return queryBoolean("SELECT count(*) = 1 FROM pg_roles WHERE rolname = " + literal(role));
    }

    public boolean canLogin(String role) {
        return queryBoolean("SELECT rolcanlogin FROM pg_roles WHERE rolname = " + literal(role));
    }

    /** Drops the roles a test made that still exist, their objects in this database handed to {@code dba} first. */
    public void dropRoles(java.util.Collection<String> roles) {
        for (String role : roles) {
            String id = dev.autouser.core.postgres.SqlText.identifier(role);
            sql("DO $$BEGIN IF to_regrole(" + literal(id) + ") IS NOT NULL THEN REASSIGN OWNED BY " + id
                    + " TO dba; DROP OWNED BY " + id + "; DROP ROLE " + id + "; END IF; END$$");
        }
    }

    private static String literal(String text) {
        return dev.autouser.core.postgres.SqlText.literal(text);
    }

    /** Teleport's agent as the agent runs it: logged in as {@code teleport-admin} with its certificate, default database postgres. */
    public dev.autouser.core.postgres.teleport.TeleportAgent teleportAgent() {
        return new dev.autouser.core.postgres.teleport.TeleportAgent(database -> PostgresConnector.open(profileAs(TELEPORT_ADMIN),
                database, null, null).connection(), TELEPORT_ADMIN, "postgres");
    }

    /** Runs statements as the superuser, each in its own transaction. */
    public void sql(String... statements) {
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Seeding failed: " + e.getMessage(), e);
        }
    }

    private synchronized Path[] splitClientFiles(String role) {
        Path cert = pki.dir().resolve("pg-" + role + ".crt");
        Path key = pki.dir().resolve("pg-" + role + ".key");
        if (!Files.exists(key)) {
            PemContent content = PemReader.read(combinedFile(role));
            write(cert, pem("CERTIFICATE", encoded(content)));
            write(key, pem("PRIVATE KEY", content.privateKey().orElseThrow().getEncoded()));
        }
        return new Path[] {cert, key};
    }

    private static byte[] encoded(PemContent content) {
        try {
            return content.certificates().get(0).getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    static void write(Path file, String text) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Shared {
        static final PostgresTarget TARGET = create();

        private static PostgresTarget create() {
            String external = System.getenv("POSTGRES_TEST_URI");
            if (external != null) {
                dev.autouser.core.postgres.PostgresUri uri = dev.autouser.core.postgres.PostgresUri.parse(external);
                DevPki pki = DevPki.openOrCreate(Path.of(Optional.ofNullable(System.getenv("POSTGRES_TEST_PKI_DIR"))
                        .orElseThrow(() -> new IllegalStateException("POSTGRES_TEST_URI needs POSTGRES_TEST_PKI_DIR"))));
                PostgresTarget target = new PostgresTarget(uri.hosts().get(0).host(), uri.hosts().get(0).port(), pki);
                target.bootstrap();
                return target;
            }
            try {
                Path dir = Files.createTempDirectory("autouser-pg-test");
                DevPki pki = DevPki.openOrCreate(dir.resolve("pki"));
                PemContent server = PemReader.read(pki.serverFile());
                Path serverCrt = dir.resolve("server.crt");
                Path serverKey = dir.resolve("server.key");
                write(serverCrt, pem("CERTIFICATE", encoded(server)));
                write(serverKey, pem("PRIVATE KEY", server.privateKey().orElseThrow().getEncoded()));
                Path hba = dir.resolve("pg_hba.conf");
                write(hba, String.join("\n",
                        "local all all trust",
                        "hostssl all dba,teleport-admin,limited-admin 127.0.0.1/32 cert",
                        "hostssl all dba,teleport-admin,limited-admin ::1/128 cert",
                        "host all dba,teleport-admin,limited-admin all reject",
                        "host all " + PASSWORD_DBA + " all scram-sha-256",
                        "host all all all trust", ""));
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setServerConfig("ssl", "on")
                        .setServerConfig("ssl_cert_file", serverCrt.toString())
                        .setServerConfig("ssl_key_file", serverKey.toString())
                        .setServerConfig("ssl_ca_file", pki.caFile().toString())
                        .setServerConfig("hba_file", hba.toString())
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("listen_addresses", "localhost")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is ending
                    }
                }));
                try (Connection connection = postgres.getPostgresDatabase().getConnection();
                     Statement statement = connection.createStatement()) {
                    statement.execute("CREATE ROLE dba LOGIN SUPERUSER");
                }
                PostgresTarget target = new PostgresTarget("localhost", postgres.getPort(), pki);
                target.bootstrap();
                return target;
            } catch (IOException | SQLException e) {
                throw new IllegalStateException("Cannot start the embedded PostgreSQL: " + e.getMessage(), e);
            }
        }
    }

    /** The roles every test expects, created when missing (an external server may have them already). */
    private void bootstrap() {
        sql("DO $$BEGIN"
                + " IF to_regrole('teleport-auto-user') IS NULL THEN CREATE ROLE \"teleport-auto-user\"; END IF;"
                + " IF to_regrole('teleport-admin') IS NULL THEN CREATE ROLE \"teleport-admin\" LOGIN CREATEROLE; END IF;"
                + " IF to_regrole('" + PASSWORD_DBA + "') IS NULL THEN CREATE ROLE \"" + PASSWORD_DBA + "\" LOGIN SUPERUSER"
                + " PASSWORD '" + PASSWORD + "'; END IF;"
                + " END$$",
                "GRANT \"teleport-auto-user\" TO \"teleport-admin\" WITH ADMIN OPTION");
    }
}
