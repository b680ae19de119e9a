package dev.autouser.ui.connect;

import dev.autouser.core.engine.Engine;
import dev.autouser.core.mongo.AuthMechanism;
import dev.autouser.core.mongo.ClientSettingsFactory;
import dev.autouser.core.ConsoleException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * What the connect form can say about its fields before anything is sent, in the sentence a
 * connect attempt would give: the URI the driver refuses, a file that is not there, X.509
 * without a client certificate. The view marks the field and shows the sentence.
 */
final class FormChecks {
    private FormChecks() {
    }

    /** Why the driver would refuse {@code uri}; PostgreSQL URIs are left to their own engine. */
    static Optional<String> uri(String uri) {
        if (uri == null || uri.isBlank() || Engine.ofUri(uri) != Engine.MONGODB) {
            return Optional.empty(); // blank: the Connect button is off and says nothing wrong yet
        }
        try {
            ClientSettingsFactory.checkUri(uri.trim());
            return Optional.empty();
        } catch (ConsoleException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Why the file named in {@code field} cannot be read; blank is "not given", which is fine. */
    static Optional<String> file(String field, String path) {
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        try {
            Path file = Path.of(path.trim());
            if (!Files.exists(file)) {
                return Optional.of(field + ": no such file, " + path.trim() + ".");
            }
            if (Files.isDirectory(file)) {
                return Optional.of(field + ": " + path.trim() + " is a folder, not a file.");
            }
            if (!Files.isReadable(file)) {
                return Optional.of(field + ": " + path.trim() + " cannot be read (permissions).");
            }
            return Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.of(field + ": not a file name (" + e.getReason() + ").");
        }
    }

    /** X.509 logs in with the client certificate: without one (here or in the URI) it cannot. */
    static Optional<String> clientCertificate(AuthMechanism auth, String certFile, String uri) {
        boolean inUri = uri != null && uri.toLowerCase(Locale.ROOT).contains("tlscertificatekeyfile=");
        boolean postgres = Engine.ofUri(uri) == Engine.POSTGRESQL;
        boolean inPostgresUri = uri != null && uri.toLowerCase(Locale.ROOT).contains("sslcert=");
        if (postgres && auth == AuthMechanism.X509 && (certFile == null || certFile.isBlank()) && !inPostgresUri) {
            return Optional.of("Certificate authentication needs a client certificate: choose the .crt (and its .key)"
                    + " that tctl auth sign --format=db wrote, or choose a password instead.");
        }
        if (!postgres && auth == AuthMechanism.X509 && (certFile == null || certFile.isBlank()) && !inUri) {
            return Optional.of("X.509 authentication needs a client certificate: choose the PEM file that tctl auth sign"
                    + " --format=mongodb wrote.");
        }
        return Optional.empty();
    }
}
