package dev.autouser.core.postgres;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything needed to connect to PostgreSQL except secrets: the URI, and the TLS files given next to
 * it (they win over {@code sslrootcert}, {@code sslcert}, {@code sslkey} in the URI). A password or a
 * key passphrase is passed to {@link PostgresGateway#connect} separately and never kept.
 */
public record PostgresProfile(String uri, Optional<Path> caFile, Optional<Path> certFile, Optional<Path> keyFile,
                              boolean tlsInsecure, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** The URI alone, its files named in it as libpq reads them. */
    public static PostgresProfile of(String uri) {
        return new PostgresProfile(uri, Optional.empty(), Optional.empty(), Optional.empty(), false, DEFAULT_TIMEOUT);
    }

    public PostgresProfile withTimeout(Duration newTimeout) {
        return new PostgresProfile(uri, caFile, certFile, keyFile, tlsInsecure, newTimeout);
    }

    /** The same, with the CA that signed the server's certificate ({@code .cas} of {@code tctl auth sign --format=db}). */
    public PostgresProfile withCa(Path ca) {
        return new PostgresProfile(uri, Optional.of(ca), certFile, keyFile, tlsInsecure, timeout);
    }

    /** The same server as another identity: {@code tctl auth sign --format=db} writes {@code .crt} and {@code .key}. */
    public PostgresProfile withClientCertificate(Path cert, Path key) {
        return new PostgresProfile(uri, caFile, Optional.of(cert), Optional.of(key), tlsInsecure, timeout);
    }

    /**
     * The same server as the identity of a certificate + key PEM (the form {@code tctl auth sign} writes for
     * Teleport's admin): a user named in the URI is dropped, so the certificate's CN names the role.
     */
    public PostgresProfile asCertificate(Path combinedPem) {
        String withoutUser = uri.replaceFirst("^(?i)(postgres(?:ql)?://)[^@/?#]*@", "$1");
        return new PostgresProfile(withoutUser, caFile, Optional.of(combinedPem), Optional.of(combinedPem), tlsInsecure, timeout);
    }
}
