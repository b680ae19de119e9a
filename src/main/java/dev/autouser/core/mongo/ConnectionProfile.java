package dev.autouser.core.mongo;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything needed to reach one MongoDB deployment, except secrets: passwords and key
 * passphrases are asked for at connect time and never stored here, so a profile can be saved.
 *
 * <p>Built by name, never by position ({@link #builder(String)}, {@link #toBuilder()}): eight
 * fields of which three are optional paths are too easy to pass in the wrong order.
 *
 * <ul>
 *   <li>{@code name}: a label chosen by the person (may be empty)</li>
 *   <li>{@code uri}: a MongoDB connection string (standalone or replica set)</li>
 *   <li>{@code tlsCaFile}: the CA bundle that signed the server certificate ({@code .cas} from tctl)</li>
 *   <li>{@code tlsCertFile}: the client certificate, or one combined certificate + key PEM</li>
 *   <li>{@code tlsKeyFile}: the private key when it is in a separate file</li>
 *   <li>{@code auth}: how to authenticate (X.509 unless said otherwise)</li>
 *   <li>{@code username}: the SCRAM user name (X.509 takes the name from the certificate)</li>
 *   <li>{@code tlsAllowInvalid}: accept any server certificate and host name: explicit, and warned about</li>
 * </ul>
 */
public final class ConnectionProfile {
    private final String name;
    private final String uri;
    private final Optional<Path> tlsCaFile;
    private final Optional<Path> tlsCertFile;
    private final Optional<Path> tlsKeyFile;
    private final AuthMechanism auth;
    private final Optional<String> username;
    private final boolean tlsAllowInvalid;

    private ConnectionProfile(Builder b) {
        name = b.name == null ? "" : b.name.trim();
        uri = Objects.requireNonNull(b.uri, "uri").trim();
        tlsCaFile = b.tlsCaFile;
        tlsCertFile = b.tlsCertFile;
        tlsKeyFile = b.tlsKeyFile;
        auth = Objects.requireNonNull(b.auth, "auth");
        username = b.username.map(String::trim).filter(u -> !u.isEmpty());
        tlsAllowInvalid = b.tlsAllowInvalid;
    }

    /** A profile for {@code uri}: no files, X.509, no user name, server certificates checked. */
    public static Builder builder(String uri) {
        return new Builder(uri);
    }

    /** A builder holding this profile's values, to change some of them. */
    public Builder toBuilder() {
        return new Builder(uri).name(name).tlsCaFile(tlsCaFile).tlsCertFile(tlsCertFile).tlsKeyFile(tlsKeyFile)
                .auth(auth).username(username).tlsAllowInvalid(tlsAllowInvalid);
    }

    /** An X.509 profile with a combined certificate + key PEM, as {@code tctl auth sign --format=mongodb} writes. */
    public static ConnectionProfile x509(String uri, Path caFile, Path combinedPem) {
        return builder(uri).tlsCaFile(caFile).tlsCertFile(combinedPem).auth(AuthMechanism.X509).build();
    }

    public static ConnectionProfile scram(String uri, String username) {
        return builder(uri).auth(AuthMechanism.SCRAM).username(username).build();
    }

    public ConnectionProfile withName(String newName) {
        return toBuilder().name(newName).build();
    }

    public ConnectionProfile withKeyFile(Path keyFile) {
        return toBuilder().tlsKeyFile(keyFile).build();
    }

    /** The same server and CA, logged in with X.509 as the identity of {@code combinedPem} (certificate + key). */
    public ConnectionProfile withClientCertificate(Path combinedPem) {
        return toBuilder().tlsCertFile(combinedPem).tlsKeyFile(Optional.empty()).auth(AuthMechanism.X509)
                .username(Optional.empty()).build();
    }

    public ConnectionProfile withTlsAllowInvalid(boolean allowInvalid) {
        return toBuilder().tlsAllowInvalid(allowInvalid).build();
    }

    /** True when the profile asks for TLS in any way: certificate files, X.509 or the URI's tls option. */
    public boolean wantsTls() {
        String lower = uri.toLowerCase(Locale.ROOT);
        return tlsCaFile.isPresent() || tlsCertFile.isPresent() || auth == AuthMechanism.X509
                || lower.contains("tls=true") || lower.contains("ssl=true") || lower.startsWith("mongodb+srv:");
    }

    public String name() {
        return name;
    }

    public String uri() {
        return uri;
    }

    public Optional<Path> tlsCaFile() {
        return tlsCaFile;
    }

    public Optional<Path> tlsCertFile() {
        return tlsCertFile;
    }

    public Optional<Path> tlsKeyFile() {
        return tlsKeyFile;
    }

    public AuthMechanism auth() {
        return auth;
    }

    public Optional<String> username() {
        return username;
    }

    public boolean tlsAllowInvalid() {
        return tlsAllowInvalid;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectionProfile p && name.equals(p.name) && uri.equals(p.uri)
                && tlsCaFile.equals(p.tlsCaFile) && tlsCertFile.equals(p.tlsCertFile)
                && tlsKeyFile.equals(p.tlsKeyFile) && auth == p.auth && username.equals(p.username)
                && tlsAllowInvalid == p.tlsAllowInvalid;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, uri, tlsCaFile, tlsCertFile, tlsKeyFile, auth, username, tlsAllowInvalid);
    }

    /** Names the fields; the URI as given (profiles hold no passwords: {@link ProfileStore} strips them). */
    @Override
    public String toString() {
        return "ConnectionProfile[name=" + name + ", uri=" + uri + ", tlsCaFile=" + tlsCaFile
                + ", tlsCertFile=" + tlsCertFile + ", tlsKeyFile=" + tlsKeyFile + ", auth=" + auth
                + ", username=" + username + ", tlsAllowInvalid=" + tlsAllowInvalid + "]";
    }

    /** Sets fields by name; {@code null} or blank text for an optional field means "not given". */
    public static final class Builder {
        private String name = "";
        private String uri;
        private Optional<Path> tlsCaFile = Optional.empty();
        private Optional<Path> tlsCertFile = Optional.empty();
        private Optional<Path> tlsKeyFile = Optional.empty();
        private AuthMechanism auth = AuthMechanism.X509;
        private Optional<String> username = Optional.empty();
        private boolean tlsAllowInvalid;

        private Builder(String uri) {
            this.uri = Objects.requireNonNull(uri, "uri");
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder uri(String uri) {
            this.uri = Objects.requireNonNull(uri, "uri");
            return this;
        }

        public Builder tlsCaFile(Path file) {
            return tlsCaFile(Optional.ofNullable(file));
        }

        public Builder tlsCaFile(Optional<Path> file) {
            this.tlsCaFile = Objects.requireNonNull(file, "tlsCaFile");
            return this;
        }

        public Builder tlsCertFile(Path file) {
            return tlsCertFile(Optional.ofNullable(file));
        }

        public Builder tlsCertFile(Optional<Path> file) {
            this.tlsCertFile = Objects.requireNonNull(file, "tlsCertFile");
            return this;
        }

        public Builder tlsKeyFile(Path file) {
            return tlsKeyFile(Optional.ofNullable(file));
        }

        public Builder tlsKeyFile(Optional<Path> file) {
            this.tlsKeyFile = Objects.requireNonNull(file, "tlsKeyFile");
            return this;
        }

        public Builder auth(AuthMechanism auth) {
            this.auth = Objects.requireNonNull(auth, "auth");
            return this;
        }

        public Builder username(String username) {
            return username(Optional.ofNullable(username));
        }

        public Builder username(Optional<String> username) {
            this.username = Objects.requireNonNull(username, "username");
            return this;
        }

        public Builder tlsAllowInvalid(boolean allowInvalid) {
            this.tlsAllowInvalid = allowInvalid;
            return this;
        }

        public ConnectionProfile build() {
            return new ConnectionProfile(this);
        }
    }
}
