package dev.autouser.core.mongo;

import dev.autouser.core.ConsoleException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * mongosh-style URIs carry certificate files as options ({@code tlsCAFile},
 * {@code tlsCertificateKeyFile}), which the Java driver ignores. They are taken out of the URI here
 * and used as the profile's files. A key password inside a URI is refused: it would be a secret in
 * saved settings and shell history.
 */
record UriTlsFiles(String uri, Optional<Path> caFile, Optional<Path> certificateKeyFile) {
    static UriTlsFiles extract(String uri) {
        int query = uri.indexOf('?');
        if (query < 0) {
            return new UriTlsFiles(uri, Optional.empty(), Optional.empty());
        }
        List<String> kept = new ArrayList<>();
        Optional<Path> ca = Optional.empty();
        Optional<Path> cert = Optional.empty();
        for (String option : uri.substring(query + 1).split("&")) {
            String key = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
            String value = option.contains("=") ? decode(option.substring(option.indexOf('=') + 1)) : "";
            switch (key.toLowerCase(Locale.ROOT)) {
                case "tlscafile", "sslcafile" -> ca = Optional.of(Path.of(value));
                case "tlscertificatekeyfile", "sslpemkeyfile" -> cert = Optional.of(Path.of(value));
                case "tlscertificatekeyfilepassword", "sslpemkeypassword" -> throw new ConsoleException(
                        "Do not put the key passphrase in the URI; give it through the passphrase field"
                                + " (CLI: --tls-key-passphrase-env VAR).");
                default -> {
                    if (!option.isEmpty()) {
                        kept.add(option);
                    }
                }
            }
        }
        String rest = uri.substring(0, query) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
        return new UriTlsFiles(rest, ca, cert);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
