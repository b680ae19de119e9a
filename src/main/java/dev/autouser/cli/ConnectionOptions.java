package dev.autouser.cli;

import dev.autouser.core.engine.Engine;
import dev.autouser.core.mongo.AuthMechanism;
import dev.autouser.core.mongo.ClientSettingsFactory;
import dev.autouser.core.mongo.ConnectionProfile;
import dev.autouser.core.ConsoleException;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.mongo.ProfileStore;
import dev.autouser.core.mongo.Secrets;
import dev.autouser.core.mongo.UriSecrets;
import dev.autouser.core.postgres.PostgresGateway;
import dev.autouser.core.postgres.PostgresProfile;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The connection options every command shares. Secrets never come from the command line (where
 * other users and shell history see them): only from environment variables named here.
 */
public final class ConnectionOptions {
    @Option(names = "--uri", paramLabel = "URI", description = "MongoDB connection string (standalone or replica set),"
            + " or postgresql://HOST:5432/DB?sslmode=verify-full (libpq's sslrootcert, sslcert, sslkey understood).")
    String uri;

    @Option(names = "--tls-ca", paramLabel = "FILE", description = "CA certificate(s) that signed the server certificate.")
    Path tlsCa;

    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "Client certificate, or one PEM with certificate and key (tctl auth sign --format=mongodb).")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "Client private key, when not inside --tls-cert.")
    Path tlsKey;

    @Option(names = "--tls-key-passphrase-env", paramLabel = "VAR",
            description = "Environment variable holding the passphrase of an encrypted private key.")
    String tlsKeyPassphraseEnv;

    @Option(names = "--auth", paramLabel = "x509|scram|none", description = "Authentication (default: x509 when a"
            + " certificate is given, otherwise none).")
    String auth;

    @Option(names = "--username", paramLabel = "NAME", description = "SCRAM user name.")
    String username;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Environment variable holding the SCRAM password.")
    String passwordEnv;

    @Option(names = "--profile", paramLabel = "NAME", description = "Use a saved profile; options given here override it.")
    String profile;

    @Option(names = "--save-profile", paramLabel = "NAME",
            description = "After connecting, save these options (never secrets) as a profile.")
    String saveProfile;

    @Option(names = "--tls-insecure", description = "Do NOT verify the server certificate or host name (dangerous).")
    boolean tlsInsecure;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "How long to wait for the server to answer a connection (1 to 3600, default: ${DEFAULT-VALUE} s);"
                    + " a reply that takes 6 times as long counts as a lost connection.")
    int timeoutSeconds;

    /** The effective profile: the saved one (if any) with the options given on the command line on top. */
    ConnectionProfile resolve(CliContext context) {
        ConnectionProfile base = profile == null ? null : new ProfileStore(context.dirs().profilesFile()).find(profile)
                .orElseThrow(() -> new ConsoleException("No saved profile named \"" + profile + "\"."));
        String effectiveUri = uri != null ? uri : base != null ? base.uri() : null;
        if (effectiveUri == null) {
            throw new ConsoleException("No server given: use --uri mongodb://HOST:PORT or --profile NAME.");
        }
        Optional<Path> ca = pick(tlsCa, base == null ? Optional.empty() : base.tlsCaFile());
        Optional<Path> cert = pick(tlsCert, base == null ? Optional.empty() : base.tlsCertFile());
        Optional<Path> key = pick(tlsKey, base == null ? Optional.empty() : base.tlsKeyFile());
        AuthMechanism mechanism = auth != null ? AuthMechanism.parse(auth) : base != null ? base.auth()
                : cert.isPresent() || effectiveUri.toLowerCase(java.util.Locale.ROOT).contains("tlscertificatekeyfile")
                ? AuthMechanism.X509 : username != null ? AuthMechanism.SCRAM : AuthMechanism.NONE;
        Optional<String> user = Optional.ofNullable(username).or(() -> base == null ? Optional.empty() : base.username());
        boolean insecure = tlsInsecure || (base != null && base.tlsAllowInvalid());
        String name = saveProfile != null ? saveProfile : base != null ? base.name() : "";
        return ConnectionProfile.builder(effectiveUri).name(name).tlsCaFile(ca).tlsCertFile(cert).tlsKeyFile(key)
                .auth(mechanism).username(user).tlsAllowInvalid(insecure).build();
    }

    MongoGateway connect(CliContext context, PrintWriter err) {
        return connect(context, err, resolve(context));
    }

    /** True when {@code --uri} (or the profile's) is a {@code postgresql://} URI. */
    boolean isPostgres(CliContext context) {
        String given = uri != null ? uri : profile == null ? null : resolve(context).uri();
        return Engine.ofUri(given) == Engine.POSTGRESQL;
    }

    /**
     * Connects to PostgreSQL: the URI with libpq's parameters, {@code --tls-ca}/{@code --tls-cert}/{@code --tls-key}
     * over its {@code sslrootcert}/{@code sslcert}/{@code sslkey}, the password from {@code --password-env}.
     */
    PostgresGateway connectPostgres(CliContext context, PrintWriter err) {
        if (username != null || (auth != null && !auth.equalsIgnoreCase("x509"))) {
            throw new ConsoleException("For PostgreSQL, put the user in the URI (postgresql://USER@HOST:5432/DB);"
                    + " --username and --auth are MongoDB's.");
        }
        ConnectionProfile resolved = resolve(context);
        warnAboutSecretsInTheUri(err);
        PostgresProfile postgres = new PostgresProfile(resolved.uri(), resolved.tlsCaFile(), resolved.tlsCertFile(),
                resolved.tlsKeyFile().or(resolved::tlsCertFile), resolved.tlsAllowInvalid(), timeout());
        PostgresGateway gateway = connectPostgres(context, err, postgres, passwordEnv);
        if (saveProfile != null) {
            // the same store and shape as MongoDB's profiles (and the GUI's): the URI's scheme says the engine;
            // a URI with a password never gets here (refused before connecting)
            try {
                new ProfileStore(context.dirs().profilesFile()).save(resolved);
            } catch (RuntimeException e) {
                gateway.close();
                throw e;
            }
            err.println("Saved profile \"" + saveProfile + "\" (no secrets).");
        }
        return gateway;
    }

    /**
     * The same server as the identity of {@code combinedPem} (certificate and key in one file): the user
     * named in the URI is left out, so the certificate's CN names it, as {@code cert} authentication compares.
     */
    PostgresGateway connectPostgresAs(CliContext context, PrintWriter err, Path combinedPem) {
        ConnectionProfile resolved = resolve(context);
        PostgresProfile postgres = new PostgresProfile(resolved.uri(), resolved.tlsCaFile(), Optional.empty(), Optional.empty(),
                resolved.tlsAllowInvalid(), timeout()).asCertificate(combinedPem);
        return connectPostgres(context, err, postgres, null);
    }

    private PostgresGateway connectPostgres(CliContext context, PrintWriter err, PostgresProfile postgres, String passwordVariable) {
        char[] password = secret(context, passwordVariable, "--password-env");
        char[] passphrase = secret(context, tlsKeyPassphraseEnv, "--tls-key-passphrase-env");
        try {
            PostgresGateway gateway = PostgresGateway.connect(postgres, password, passphrase);
            gateway.warnings().forEach(w -> err.println("warning: " + w));
            return gateway;
        } finally {
            if (password != null) {
                java.util.Arrays.fill(password, '\0');
            }
            if (passphrase != null) {
                java.util.Arrays.fill(passphrase, '\0');
            }
        }
    }

    /** The timeout asked for, refused outside 1..3600 s (an int of milliseconds overflowed before). */
    private Duration timeout() {
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        ClientSettingsFactory.checkTimeout(timeout);
        return timeout;
    }

    /** The same server, logged in as the identity of another combined certificate + key PEM. */
    MongoGateway connectAs(CliContext context, PrintWriter err, Path combinedPem) {
        return dev.autouser.core.teleport.TeleportAdminLogin.connect(resolve(context), combinedPem, timeout());
    }

    private MongoGateway connect(CliContext context, PrintWriter err, ConnectionProfile effective) {
        Duration timeout = timeout();
        warnAboutSecretsInTheUri(err);
        if (effective.tlsAllowInvalid()) {
            err.println("WARNING: --tls-insecure: the server certificate is NOT verified; anyone on the network"
                    + " path can impersonate the server.");
        }
        Secrets secrets = Secrets.of(secret(context, passwordEnv, "--password-env"),
                secret(context, tlsKeyPassphraseEnv, "--tls-key-passphrase-env"));
        try {
            MongoGateway gateway = MongoGateway.connect(effective, secrets, timeout);
            gateway.warnings().forEach(w -> err.println("warning: " + w));
            if (saveProfile != null) {
                new ProfileStore(context.dirs().profilesFile()).save(effective);
                err.println("Saved profile \"" + saveProfile + "\" (no secrets).");
            }
            return gateway;
        } finally {
            secrets.wipe();
        }
    }

    /** A secret typed into --uri is visible to every user of the machine (ps) and kept in shell history. */
    private void warnAboutSecretsInTheUri(PrintWriter err) {
        List<String> secrets = uri == null ? List.of() : UriSecrets.found(uri);
        if (!secrets.isEmpty()) {
            err.println("warning: --uri holds " + String.join(" and ", secrets) + ": other users of this machine"
                    + " can read it in the process list. Use --username with --password-env VAR instead; saved"
                    + " profiles never keep it.");
        }
    }

    private static char[] secret(CliContext context, String variable, String option) {
        if (variable == null) {
            return null;
        }
        String value = context.environment().get(variable);
        if (value == null) {
            throw new ConsoleException(option + " names " + variable + ", but that environment variable is not set.");
        }
        return value.toCharArray();
    }

    private static Optional<Path> pick(Path given, Optional<Path> saved) {
        return given != null ? Optional.of(given) : saved;
    }
}
