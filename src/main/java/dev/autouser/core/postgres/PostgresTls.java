package dev.autouser.core.postgres;

import dev.autouser.core.ConsoleException;
import dev.autouser.core.pki.ClientIdentity;
import dev.autouser.core.pki.PemReader;
import dev.autouser.core.pki.PkiException;
import dev.autouser.core.pki.SslContexts;

import javax.net.ssl.SSLContext;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The TLS side of a PostgreSQL connection, as libpq's {@code sslmode} means it: {@code verify-full}
 * (the console's default: CA and host name checked), {@code verify-ca} (CA only), {@code require}
 * (encrypted; the CA is checked when one is given, as libpq does with a root certificate, otherwise
 * nothing is: warned), {@code prefer}/{@code allow}/{@code disable} (warned). Client certificate and
 * key come from the PEM files {@code tctl auth sign --format=db} writes ({@code .crt}, {@code .key},
 * {@code .cas}); they are parsed here and held in memory only.
 */
record PostgresTls(String sslMode, Optional<SSLContext> context, Optional<ClientIdentity> identity, List<String> warnings) {
    static final String DEFAULT_MODE = "verify-full";

    static PostgresTls of(PostgresUri uri, PostgresProfile profile, char[] keyPassphrase) {
        String mode = uri.parameter("sslmode").orElse(DEFAULT_MODE);
        Optional<Path> ca = profile.caFile().or(() -> uri.parameter("sslrootcert").map(Path::of));
        Optional<Path> cert = profile.certFile().or(() -> uri.parameter("sslcert").map(Path::of));
        Optional<Path> key = profile.keyFile().or(() -> uri.parameter("sslkey").map(Path::of));
        List<String> warnings = new java.util.ArrayList<>();
        if (mode.equals("disable")) {
            if (cert.isPresent()) {
                throw new ConsoleException("sslmode=disable cannot present a client certificate: certificate"
                        + " authentication needs TLS (use sslmode=verify-full).");
            }
            warnings.add("sslmode=disable: the connection is NOT encrypted.");
            return new PostgresTls(mode, Optional.empty(), Optional.empty(), warnings);
        }
        Optional<ClientIdentity> identity = cert.map(c -> identity(c, key.orElse(null), keyPassphrase, warnings));
        if (cert.isEmpty() && key.isPresent()) {
            throw new ConsoleException("A private key was given without its certificate: give the .crt file too.");
        }
        boolean verify = mode.startsWith("verify") || (mode.equals("require") && ca.isPresent());
        SSLContext context;
        try {
            if (profile.tlsInsecure() || !verify) {
                warnings.add(profile.tlsInsecure() ? "TLS certificate verification is OFF: the server's identity is not checked."
                        : "sslmode=" + mode + " without a CA file: the server's certificate is NOT checked;"
                        + " use sslmode=verify-full with sslrootcert (or --tls-ca).");
                context = SslContexts.trustingAnyServer(identity.orElse(null));
            } else {
                context = SslContexts.forClient(cas(ca), identity.orElse(null));
            }
        } catch (PkiException e) {
            throw new ConsoleException(e.getMessage(), e);
        }
        if (mode.equals("prefer") || mode.equals("allow")) {
            warnings.add("sslmode=" + mode + ": the connection may fall back to no encryption.");
        }
        String effective = profile.tlsInsecure() && mode.startsWith("verify") ? "require" : mode;
        return new PostgresTls(effective, Optional.of(context), identity, warnings);
    }

    /** The certificate's common name: PostgreSQL's {@code cert} authentication maps it to the user name. */
    Optional<String> commonName() {
        return identity.flatMap(i -> commonNameOf(i.subject()));
    }

    /** The CN of an RFC 2253 subject, unescaped: the first one in the certificate's (DER) order, as PostgreSQL reads it. */
    static Optional<String> commonNameOf(String subject) {
        try {
            List<javax.naming.ldap.Rdn> rdns = new javax.naming.ldap.LdapName(subject).getRdns();
            for (javax.naming.ldap.Rdn rdn : rdns) { // getRdns() is in DER order (the string reversed)
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return Optional.of(String.valueOf(rdn.getValue()));
                }
            }
            return Optional.empty();
        } catch (javax.naming.InvalidNameException e) {
            return Optional.empty();
        }
    }

    private static List<X509Certificate> cas(Optional<Path> ca) {
        if (ca.isEmpty() || ca.get().toString().equals("system")) {
            return List.of();
        }
        List<X509Certificate> cas = PemReader.read(ca.get()).certificates();
        if (cas.isEmpty()) {
            throw new ConsoleException(ca.get().getFileName() + " holds no CA certificate.");
        }
        return cas;
    }

    private static ClientIdentity identity(Path cert, Path key, char[] passphrase, List<String> warnings) {
        ClientIdentity identity;
        try {
            identity = ClientIdentity.load(cert, key, passphrase);
        } catch (PkiException e) {
            throw new ConsoleException(e.getMessage(), e);
        }
        Instant now = Instant.now();
        if (identity.isExpiredAt(now)) {
            throw new ConsoleException("The client certificate " + identity.subject() + " expired on "
                    + identity.notAfter() + ": issue a new one (tctl auth sign --format=db).");
        }
        if (identity.expiresWithin(java.time.Duration.ofDays(7), now)) {
            warnings.add("The client certificate " + identity.subject() + " expires on " + identity.notAfter() + ".");
        }
        return identity;
    }
}
