package dev.autouser.core.postgres;

import dev.autouser.core.ConsoleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

/**
 * Opens a plain JDBC connection from a {@link PostgresProfile}: the libpq URI read as libpq reads it,
 * TLS from PEM files held in memory ({@link InMemorySslFactory}), the user from the URI or else the
 * client certificate's CN (what {@code cert} authentication compares), a password only from the caller.
 * {@link PostgresGateway} is the console's connection; this is also for a second one (another
 * database, a session of a test or a demo).
 */
public final class PostgresConnector {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresConnector.class);

    /** An open connection, where it goes ({@code host:5432/db}), as whom, and what to warn about. */
    public record Opened(Connection connection, String server, String user, List<String> warnings) {
    }

    private PostgresConnector() {
    }

    public static Opened open(PostgresProfile profile, char[] passwordOrNull, char[] keyPassphraseOrNull) {
        return open(profile, null, passwordOrNull, keyPassphraseOrNull);
    }

    /** The same, to {@code databaseOrNull} instead of the URI's database. */
    public static Opened open(PostgresProfile profile, String databaseOrNull, char[] passwordOrNull,
                              char[] keyPassphraseOrNull) {
        PostgresUri uri = PostgresUri.parse(profile.uri());
        if (uri.hasPassword()) {
            throw new ConsoleException("The URI holds a password: other users of this machine can read it in the process"
                    + " list. Remove it and use --password-env VAR.");
        }
        PostgresTls tls = PostgresTls.of(uri, profile, keyPassphraseOrNull);
        String user = uri.user().or(tls::commonName).filter(u -> !u.isEmpty()).orElseThrow(() -> new ConsoleException(
                "No PostgreSQL user given: put it in the URI (postgresql://USER@HOST/DB) or use a client certificate,"
                        + " whose CN is the user name."));
        String database = databaseOrNull != null ? databaseOrNull : uri.databaseOr(user);
        String server = uri.hostList() + "/" + database;
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (passwordOrNull != null) {
            properties.setProperty("password", new String(passwordOrNull));
        }
        properties.setProperty("sslmode", tls.sslMode());
        long seconds = Math.max(1, profile.timeout().toSeconds());
        properties.setProperty("connectTimeout", Long.toString(seconds));
        properties.setProperty("loginTimeout", Long.toString(seconds));
        properties.setProperty("socketTimeout", Long.toString(seconds * 6));
        properties.setProperty("ApplicationName", uri.parameter("application_name").orElse("autouser"));
        String registration = null;
        if (tls.context().isPresent()) {
            registration = InMemorySslFactory.register(tls.context().get());
            properties.setProperty("sslfactory", InMemorySslFactory.class.getName());
            properties.setProperty(InMemorySslFactory.CONTEXT_PROPERTY, registration);
        }
        try {
            return new Opened(DriverManager.getConnection(jdbcUrl(uri, database), properties), server, user, tls.warnings());
        } catch (SQLException e) {
            ConsoleException failure = PostgresErrors.connectFailed(e, server, user);
            LOG.warn("Connecting to {} as {} failed: {}", server, user, failure.getMessage(), e);
            throw failure;
        } finally {
            if (registration != null) {
                InMemorySslFactory.unregister(registration);
            }
        }
    }

    static String jdbcUrl(PostgresUri uri, String database) {
        return "jdbc:postgresql://" + uri.hostList() + "/"
                + java.net.URLEncoder.encode(database, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
