package dev.autouser.core.mongo;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything needed to reach one MongoDB deployment, except secrets: passwords and key
 * passphrases are asked for at connect time and never stored here, so a profile can be saved.
 *
 * @param name            a label chosen by the person (may be empty)
 * @param uri             a MongoDB connection string (standalone or replica set)
 * @param tlsCaFile       the CA bundle that signed the server certificate ({@code .cas} from tctl)
 * @param tlsCertFile     the client certificate, or one combined certificate + key PEM
 * @param tlsKeyFile      the private key when it is in a separate file
 * @param auth            how to authenticate
 * @param username        the SCRAM user name (X.509 takes the name from the certificate)
 * @param tlsAllowInvalid accept any server certificate and host name: explicit, and warned about
 */
public record ConnectionProfile(String name, String uri, Optional<Path> tlsCaFile, Optional<Path> tlsCertFile,
                                Optional<Path> tlsKeyFile, AuthMechanism auth, Optional<String> username,
                                boolean tlsAllowInvalid) {
    public ConnectionProfile {
        name = name == null ? "" : name.trim();
        Objects.requireNonNull(uri, "uri");
        uri = uri.trim();
        Objects.requireNonNull(tlsCaFile, "tlsCaFile");
        Objects.requireNonNull(tlsCertFile, "tlsCertFile");
        Objects.requireNonNull(tlsKeyFile, "tlsKeyFile");
        Objects.requireNonNull(auth, "auth");
        username = Objects.requireNonNull(username, "username").map(String::trim).filter(u -> !u.isEmpty());
    }

    /** An X.509 profile with a combined certificate + key PEM, as {@code tctl auth sign --format=mongodb} writes. */
    public static ConnectionProfile x509(String uri, Path caFile, Path combinedPem) {
        return new ConnectionProfile("", uri, Optional.of(caFile), Optional.of(combinedPem), Optional.empty(),
                AuthMechanism.X509, Optional.empty(), false);
    }

    public static ConnectionProfile scram(String uri, String username) {
        return new ConnectionProfile("", uri, Optional.empty(), Optional.empty(), Optional.empty(),
                AuthMechanism.SCRAM, Optional.of(username), false);
    }

    public ConnectionProfile withName(String newName) {
        return new ConnectionProfile(newName, uri, tlsCaFile, tlsCertFile, tlsKeyFile, auth, username, tlsAllowInvalid);
    }

    public ConnectionProfile withKeyFile(Path keyFile) {
        return new ConnectionProfile(name, uri, tlsCaFile, tlsCertFile, Optional.of(keyFile), auth, username,
                tlsAllowInvalid);
    }

    /** The same server and CA, logged in with X.509 as the identity of {@code combinedPem} (certificate + key). */
    public ConnectionProfile withClientCertificate(Path combinedPem) {
        return new ConnectionProfile(name, uri, tlsCaFile, Optional.of(combinedPem), Optional.empty(), AuthMechanism.X509,
                Optional.empty(), tlsAllowInvalid);
    }

    public ConnectionProfile withTlsAllowInvalid(boolean allowInvalid) {
        return new ConnectionProfile(name, uri, tlsCaFile, tlsCertFile, tlsKeyFile, auth, username, allowInvalid);
    }

    /** True when the profile asks for TLS in any way: certificate files, X.509 or the URI's tls option. */
    public boolean wantsTls() {
        String lower = uri.toLowerCase(java.util.Locale.ROOT);
        return tlsCaFile.isPresent() || tlsCertFile.isPresent() || auth == AuthMechanism.X509
                || lower.contains("tls=true") || lower.contains("ssl=true") || lower.startsWith("mongodb+srv:");
    }
}
