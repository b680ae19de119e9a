package dev.autouser.ui.connect;

import dev.autouser.core.pki.PemContent;
import dev.autouser.core.pki.PemReader;
import dev.autouser.core.pki.X509Names;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Optional;

/** Tells what a PEM file holds, so a dropped file lands in the right field of the connect form. */
public final class PemFiles {
    /** What a PEM file is good for. */
    public enum Kind { CA_BUNDLE, CLIENT_CERTIFICATE_AND_KEY, CLIENT_CERTIFICATE, PRIVATE_KEY }

    /** A readable summary of one file; {@code subject} is empty for a bare key. */
    public record Summary(Path file, Kind kind, Optional<String> subject) {
    }

    private PemFiles() {
    }

    /** Reads the file (no passphrase); throws {@code PkiException} with a plain sentence when it cannot. */
    public static Summary inspect(Path file) {
        PemContent content = PemReader.read(file);
        if (content.certificates().isEmpty()) {
            return new Summary(file, Kind.PRIVATE_KEY, Optional.empty());
        }
        X509Certificate first = content.certificates().get(0);
        Optional<String> subject = Optional.of(X509Names.subject(first));
        if (content.privateKey().isPresent()) {
            return new Summary(file, Kind.CLIENT_CERTIFICATE_AND_KEY, subject);
        }
        boolean allAuthorities = content.certificates().stream().allMatch(c -> c.getBasicConstraints() >= 0);
        return new Summary(file, allAuthorities ? Kind.CA_BUNDLE : Kind.CLIENT_CERTIFICATE, subject);
    }

    /** The X.509 user name MongoDB will see: the client certificate subject in RFC 2253 form. */
    public static String clientSubject(Path certificateFile) {
        PemContent content = PemReader.read(certificateFile);
        return content.certificates().stream()
                .filter(c -> c.getBasicConstraints() < 0)
                .findFirst()
                .or(() -> content.certificates().stream().findFirst())
                .map(X509Names::subject)
                .orElseThrow(() -> new dev.autouser.core.pki.PkiException(
                        certificateFile.getFileName() + " holds no certificate."));
    }
}
