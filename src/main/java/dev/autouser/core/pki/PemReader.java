package dev.autouser.core.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads certificates and private keys from PEM files: PKCS#1 ("RSA PRIVATE KEY"), SEC1 ("EC PRIVATE
 * KEY"), PKCS#8 ("PRIVATE KEY"), encrypted PKCS#8 and legacy OpenSSL-encrypted keys. Every
 * failure is a {@link PkiException} that names the file and says what is wrong with it.
 */
public final class PemReader {
    private PemReader() {
    }

    public static PemContent read(Path file, char[] passphrase) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new PkiException("No such file: " + file);
        } catch (IOException e) {
            throw new PkiException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.getFileName().toString(), passphrase);
    }

    public static PemContent read(Path file) {
        return read(file, null);
    }

    /**
     * Parses PEM text; {@code source} names it in error messages. Plain certificates and keys are
     * read by the JDK ({@link JdkPem}); BouncyCastle is loaded only for the rest.
     */
    public static PemContent parse(String text, String source, char[] passphrase) {
        if (!text.contains("-----BEGIN ")) {
            throw new PkiException(source + " is not a PEM file: it has no \"-----BEGIN\" line.");
        }
        return JdkPem.parse(text).orElseGet(() -> BouncyPem.parse(text, source, passphrase));
    }
}
