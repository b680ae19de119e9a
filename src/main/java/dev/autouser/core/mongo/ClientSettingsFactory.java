package dev.autouser.core.mongo;

import dev.autouser.core.ConsoleException;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCredential;
import com.mongodb.event.CommandListener;
import dev.autouser.core.pki.ClientIdentity;
import dev.autouser.core.pki.PemReader;
import dev.autouser.core.pki.PkiException;

import javax.net.ssl.SSLContext;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Turns a {@link ConnectionProfile} into driver settings. Certificate problems (unreadable PEM,
 * key that does not match the certificate, expired certificate) are reported here, before any
 * network traffic.
 */
public final class ClientSettingsFactory {
    private static final Duration EXPIRY_WARNING = Duration.ofDays(7);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** The settings plus who we will be and anything the person should know before relying on it. */
    public record Prepared(MongoClientSettings settings, ConnectionString connectionString, String identity,
                           List<String> warnings) {
    }

    /** The longest wait a person can ask for: an hour is already far beyond any healthy server. */
    public static final Duration MAX_TIMEOUT = Duration.ofHours(1);
    /**
     * A reply may take this many times the connect timeout before the connection counts as lost
     * (a blackholed network otherwise hangs forever): 30 s by default, room for a 16 MB usersInfo.
     */
    static final int READ_TIMEOUT_FACTOR = 6;

    private ClientSettingsFactory() {
    }

    /** Refuses a timeout below one second or above {@link #MAX_TIMEOUT}, naming the range. */
    public static void checkTimeout(Duration timeout) {
        if (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new ConsoleException("The timeout must be between 1 and " + MAX_TIMEOUT.toSeconds()
                    + " seconds; " + timeout.toSeconds() + " is outside that range.");
        }
    }

    public static Prepared prepare(ConnectionProfile given, Secrets secrets, Duration serverSelectionTimeout,
                                   CommandListener listener, Instant now) {
        checkTimeout(serverSelectionTimeout);
        ConnectionProfile profile = withUriFiles(given);
        ConnectionString connectionString = parseUri(profile.uri());
        int connectMillis = Math.toIntExact(serverSelectionTimeout.toMillis());
        int readMillis = connectionString.getSocketTimeout() != null && connectionString.getSocketTimeout() > 0
                ? connectionString.getSocketTimeout() : connectMillis * READ_TIMEOUT_FACTOR;
        List<String> warnings = new ArrayList<>();
        Optional<ClientIdentity> identity = loadIdentity(profile, secrets, now, warnings);
        MongoClientSettings.Builder builder = MongoClientSettings.builder()
                .applyConnectionString(connectionString)
                .applicationName("autouser-console")
                .applyToClusterSettings(c -> c.serverSelectionTimeout(serverSelectionTimeout.toMillis(),
                        TimeUnit.MILLISECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(connectMillis, TimeUnit.MILLISECONDS)
                        .readTimeout(readMillis, TimeUnit.MILLISECONDS))
                .addCommandListener(listener);
        if (profile.wantsTls()) {
            // The driver asks for the JDK's default context on every connection and throws it away; built lazily, it costs nothing
            dev.autouser.core.pki.LazyDefaultSslContext.install();
            // ChaCha20-Poly1305 offered first: AES-GCM has no CPU intrinsics under the CLI's C1 JIT (see ChaChaFirstContext)
            SSLContext context = dev.autouser.core.pki.ChaChaFirstContext.wrap(
                    sslContext(profile, identity.orElse(null), warnings));
            builder.applyToSslSettings(ssl -> ssl.enabled(true).context(context)
                    .invalidHostNameAllowed(profile.tlsAllowInvalid()));
        }
        String who = credential(profile, secrets, connectionString, identity, builder);
        try {
            return new Prepared(builder.build(), connectionString, who, warnings);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // the driver checks some option values (maxPoolSize=-1) only when the settings are built
            throw new ConsoleException("The MongoDB URI is not valid: " + e.getMessage() + ".", e);
        }
    }

    /** Files named in the URI (mongosh style) fill the profile's empty file fields. */
    static ConnectionProfile withUriFiles(ConnectionProfile profile) {
        UriTlsFiles files = UriTlsFiles.extract(profile.uri());
        return profile.toBuilder().uri(files.uri()).tlsCaFile(profile.tlsCaFile().or(files::caFile))
                .tlsCertFile(profile.tlsCertFile().or(files::certificateKeyFile)).build();
    }

    /** Refuses a MongoDB URI the driver would not take, with the same sentence a connect attempt gives. */
    public static void checkUri(String uri) {
        parseUri(uri);
    }

    static ConnectionString parseUri(String uri) {
        if (uri.isBlank()) {
            throw new ConsoleException("No MongoDB URI was given: enter one such as mongodb://db.example.com:27017.");
        }
        try {
            return new ConnectionString(uri);
        } catch (IllegalArgumentException e) {
            throw new ConsoleException("The MongoDB URI is not valid: " + e.getMessage(), e);
        }
    }

    private static Optional<ClientIdentity> loadIdentity(ConnectionProfile profile, Secrets secrets, Instant now,
                                                         List<String> warnings) {
        if (profile.tlsCertFile().isEmpty()) {
            if (profile.auth() == AuthMechanism.X509) {
                throw new ConsoleException("X.509 authentication needs a client certificate: choose the PEM file"
                        + " that tctl auth sign --format=mongodb wrote.");
            }
            return Optional.empty();
        }
        ClientIdentity identity;
        try {
            identity = ClientIdentity.load(profile.tlsCertFile().get(), profile.tlsKeyFile().orElse(null),
                    secrets.keyPassphrase());
        } catch (PkiException e) {
            throw new ConsoleException(e.getMessage(), e);
        }
        X509Certificate certificate = identity.certificate();
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            throw new ConsoleException("The client certificate " + identity.subject() + " is not valid before "
                    + DAY.format(certificate.getNotBefore().toInstant()) + ": check the computer's clock.");
        }
        if (identity.isExpiredAt(now)) {
            throw new ConsoleException("The client certificate " + identity.subject() + " expired on "
                    + DAY.format(identity.notAfter()) + ": issue a new one (tctl auth sign --format=mongodb).");
        }
        if (identity.expiresWithin(EXPIRY_WARNING, now)) {
            warnings.add("The client certificate " + identity.subject() + " expires on "
                    + DAY.format(identity.notAfter()) + ".");
        }
        return Optional.of(identity);
    }

    private static SSLContext sslContext(ConnectionProfile profile, ClientIdentity identity, List<String> warnings) {
        try {
            if (profile.tlsAllowInvalid()) {
                warnings.add("TLS certificate verification is OFF: the server's identity is not checked.");
                return dev.autouser.core.pki.SslContexts.trustingAnyServer(identity);
            }
            List<X509Certificate> cas = List.of();
            if (profile.tlsCaFile().isPresent()) {
                cas = PemReader.read(profile.tlsCaFile().get()).certificates();
                if (cas.isEmpty()) {
                    throw new ConsoleException(profile.tlsCaFile().get().getFileName()
                            + " holds no CA certificate.");
                }
            }
            return dev.autouser.core.pki.SslContexts.forClient(cas, identity);
        } catch (PkiException e) {
            throw new ConsoleException(e.getMessage(), e);
        }
    }

    private static String credential(ConnectionProfile profile, Secrets secrets, ConnectionString connectionString,
                                     Optional<ClientIdentity> identity, MongoClientSettings.Builder builder) {
        switch (profile.auth()) {
            case X509 -> {
                builder.credential(MongoCredential.createMongoX509Credential());
                return identity.map(ClientIdentity::subject).orElse("(X.509)");
            }
            case SCRAM -> {
                String user = profile.username().orElseThrow(() -> new ConsoleException(
                        "SCRAM authentication needs a user name."));
                if (secrets.password() == null) {
                    throw new ConsoleException("SCRAM authentication needs a password for " + user + ".");
                }
                String source = authSource(connectionString);
                builder.credential(MongoCredential.createCredential(user, source, secrets.password()));
                return user + "@" + source;
            }
            default -> {
                MongoCredential fromUri = connectionString.getCredential();
                return fromUri == null || fromUri.getUserName() == null ? "(no authentication)"
                        : fromUri.getUserName() + "@" + fromUri.getSource();
            }
        }
    }

    private static String authSource(ConnectionString connectionString) {
        String uri = connectionString.getConnectionString();
        int at = uri.indexOf("authSource=");
        if (at < 0) {
            return "admin";
        }
        String rest = uri.substring(at + "authSource=".length());
        int end = rest.indexOf('&');
        return end < 0 ? rest : rest.substring(0, end);
    }
}
