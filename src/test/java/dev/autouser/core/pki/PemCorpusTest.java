package dev.autouser.core.pki;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.autouser.testsupport.ClearMessages.assertClear;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 10, bad input: generated malformed certificate and key files (devices, a FIFO, DER, byte-order
 * marks, UTF-16, truncations, corrupted bodies, wrong headers, a key file that also holds a
 * certificate). Each either loads or fails with a clear sentence naming the file; none crashes or
 * hangs (each bounded by the timeout).
 */
class PemCorpusTest {
    private static Path dir;
    private static KeyPair keys;
    private static KeyPair otherKeys;
    private static String certPem;
    private static String keyPem;
    private static String otherCertPem;
    private static String otherKeyPem;
    private static X509Certificate cert;

    /** One generated input: the certificate file and the key file (or null), and what must happen. */
    record Input(String label, Path certFile, Path keyFile, String passphrase, String expected) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** {@code expected}: null = must load; "" = must fail clearly; {@link #EITHER} = may load; text = must fail saying it. */
    private static final String EITHER = "*";

    static void material() throws Exception {
        dir = Files.createTempDirectory("pem-corpus");
        keys = TestKeys.rsa();
        otherKeys = TestKeys.rsa();
        cert = TestKeys.valid("CN=alice", keys);
        certPem = TestKeys.certificatePem(cert);
        keyPem = TestKeys.pkcs8(keys);
        otherCertPem = TestKeys.certificatePem(TestKeys.valid("CN=mallory", otherKeys));
        otherKeyPem = TestKeys.pkcs1(otherKeys);
    }

    @AfterAll
    static void removeFifo() throws IOException {
        Files.deleteIfExists(dir.resolve("fifo.pem"));
    }

    static Stream<Input> inputs() throws Exception {
        material();
        List<Input> inputs = new ArrayList<>();
        String combined = certPem + keyPem;
        byte[] combinedBytes = combined.getBytes(StandardCharsets.US_ASCII);
        // special files: never opened, never read forever
        inputs.add(special("dev-zero", Path.of("/dev/zero"), "not a regular file"));
        inputs.add(special("dev-urandom", Path.of("/dev/urandom"), "not a regular file"));
        inputs.add(special("dev-null", Path.of("/dev/null"), "not a regular file"));
        inputs.add(special("fifo", fifo(), "not a regular file"));
        inputs.add(special("folder", dir, "is a folder"));
        inputs.add(special("missing", dir.resolve("missing.pem"), "No such file"));
        inputs.add(special("symlink-to-dev-zero", symlink("zero-link.pem", Path.of("/dev/zero")), "not a regular file"));
        inputs.add(bytes("empty", new byte[0], "is not a PEM file"));
        inputs.add(bytes("too-large", (combined.repeat(1024 * 1024 / combined.length() + 2)).getBytes(StandardCharsets.US_ASCII),
                "larger than 1 MiB"));
        // encodings
        inputs.add(bytes("utf8-bom", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, combinedBytes), null));
        inputs.add(bytes("utf16le-bom", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, combined.getBytes(StandardCharsets.UTF_16LE)), null));
        inputs.add(bytes("utf16be-bom", concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, combined.getBytes(StandardCharsets.UTF_16BE)), null));
        inputs.add(bytes("utf16le-no-bom", combined.getBytes(StandardCharsets.UTF_16LE), "binary data"));
        inputs.add(bytes("utf16be-no-bom", combined.getBytes(StandardCharsets.UTF_16BE), "binary data"));
        inputs.add(bytes("crlf", combined.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII), null));
        inputs.add(bytes("latin1-comment", concat("# cl\u00e9\n".getBytes(StandardCharsets.ISO_8859_1), combinedBytes),
                "neither UTF-8 nor UTF-16"));
        inputs.add(bytes("utf8-comment", ("# cl\u00e9 de test\n" + combined).getBytes(StandardCharsets.UTF_8), null));
        inputs.add(bytes("der-certificate", cert.getEncoded(), "binary DER"));
        inputs.add(bytes("der-key", keys.getPrivate().getEncoded(), "binary DER"));
        inputs.add(bytes("base64-without-armour", Base64.getMimeEncoder().encode(cert.getEncoded()), "is not a PEM file"));
        inputs.add(bytes("nul-inside", combined.replaceFirst("\n", "\n\u0000").getBytes(StandardCharsets.US_ASCII), "binary data"));
        Random random = new Random(10);
        for (int i = 0; i < 25; i++) {
            byte[] noise = new byte[64 + random.nextInt(4096)];
            random.nextBytes(noise);
            inputs.add(bytes("random-" + i, noise, ""));
        }
        // truncations and corruptions of a good combined file
        for (int i = 1; i <= 60; i++) {
            int cut = combined.length() * i / 61;
            inputs.add(bytes("truncated-at-" + cut, combined.substring(0, cut).getBytes(StandardCharsets.US_ASCII), ""));
        }
        int bodyStart = certPem.indexOf('\n') + 1;
        int bodyEnd = certPem.indexOf("-----END");
        for (int i = 0; i < 60; i++) {
            int at = bodyStart + (bodyEnd - bodyStart) * i / 60;
            if (certPem.charAt(at) == '\n') {
                at++;
            }
            char[] chars = combined.toCharArray();
            chars[at] = i % 3 == 0 ? '!' : i % 3 == 1 ? (chars[at] == 'A' ? 'B' : 'A') : '=';
            inputs.add(bytes("corrupted-cert-at-" + at, new String(chars).getBytes(StandardCharsets.US_ASCII), EITHER));
        }
        int keyBody = combined.indexOf("-----BEGIN PRIVATE KEY-----") + 28;
        for (int i = 0; i < 30; i++) {
            char[] chars = combined.toCharArray();
            int at = keyBody + 5 + i * 37 % (combined.length() - keyBody - 60);
            if (chars[at] == '\n' || chars[at] == '-') {
                continue;
            }
            chars[at] = i % 2 == 0 ? '*' : (chars[at] == 'Q' ? 'R' : 'Q');
            inputs.add(bytes("corrupted-key-at-" + at, new String(chars).getBytes(StandardCharsets.US_ASCII), EITHER));
        }
        // armour
        String[][] headers = {
                {"-----BEGIN CERTIFICATE-----", "-----begin certificate-----"},
                {"-----BEGIN CERTIFICATE-----", "-----BEGIN X509 CERTIFICATE-----"},
                {"-----BEGIN CERTIFICATE-----", "-----BEGIN TRUSTED CERTIFICATE-----"},
                {"-----BEGIN CERTIFICATE-----", "-----BEGIN  CERTIFICATE-----"},
                {"-----END CERTIFICATE-----", ""},
                {"-----END CERTIFICATE-----", "-----END PRIVATE KEY-----"},
                {"-----BEGIN PRIVATE KEY-----", "-----BEGIN RSA PRIVATE KEY-----"},
                {"-----BEGIN PRIVATE KEY-----", "-----BEGIN EC PRIVATE KEY-----"},
                {"-----BEGIN PRIVATE KEY-----", "-----BEGIN ENCRYPTED PRIVATE KEY-----"},
                {"-----BEGIN PRIVATE KEY-----", "-----BEGIN PUBLIC KEY-----"},
                {"-----END PRIVATE KEY-----", ""},
                {"-----BEGIN CERTIFICATE-----\n", "-----BEGIN CERTIFICATE-----\nProc-Type: 4,ENCRYPTED\n"},
                {"-----BEGIN PRIVATE KEY-----\n", "-----BEGIN PRIVATE KEY-----\nDEK-Info: AES-128-CBC,00\n"},
                {"-----BEGIN CERTIFICATE-----", "-----BEGIN CERTIFICATE REQUEST-----"},
        };
        for (String[] header : headers) {
            inputs.add(bytes("armour-" + header[1].replaceAll("[^A-Za-z0-9]+", "-"),
                    combined.replace(header[0], header[1]).getBytes(StandardCharsets.US_ASCII), EITHER));
        }
        inputs.add(bytes("only-a-public-key", "-----BEGIN PUBLIC KEY-----\n".concat(
                Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded()))
                .concat("\n-----END PUBLIC KEY-----\n").getBytes(StandardCharsets.US_ASCII), "neither a certificate nor a private key"));
        // certificate and key files together (--tls-cert with --tls-key)
        inputs.add(pair("key-file-also-holds-the-certificate", certPem, certPem + keyPem, null, null));
        inputs.add(pair("key-file-holds-certificate-after-key", certPem, keyPem + certPem, null, null));
        inputs.add(pair("key-file-holds-an-unrelated-certificate", certPem, otherCertPem + keyPem, null, null));
        inputs.add(pair("both-files-combined", combined, combined, null, "Two private keys"));
        inputs.add(pair("cert-file-holds-two-copies", certPem + certPem, keyPem, null, null));
        inputs.add(pair("unrelated-certificate-first", otherCertPem + certPem, keyPem, null, null));
        inputs.add(pair("pkcs1-key", certPem, TestKeys.pkcs1(keys), null, null));
        inputs.add(pair("key-of-someone-else", certPem, otherKeyPem, null, "does not belong to the certificate CN=alice"));
        inputs.add(pair("key-file-with-certificate-only", certPem, certPem, null, "No private key found"));
        inputs.add(pair("two-keys", certPem + keyPem, otherKeyPem, null, "Two private keys"));
        inputs.add(pair("two-keys-in-one-file", certPem, keyPem + otherKeyPem, null, "more than one private key"));
        inputs.add(pair("cert-file-holds-only-a-key", keyPem, otherCertPem, null, "holds no certificate"));
        inputs.add(pair("encrypted-without-passphrase", certPem, TestKeys.encryptedPkcs8(keys, "s3cret"), null, "is encrypted"));
        inputs.add(pair("encrypted-wrong-passphrase", certPem, TestKeys.encryptedPkcs8(keys, "s3cret"), "wrong", "cannot be decrypted"));
        inputs.add(pair("encrypted-right-passphrase", certPem, TestKeys.encryptedPkcs8(keys, "s3cret"), "s3cret", null));
        inputs.add(pair("legacy-encrypted-wrong-passphrase", certPem, TestKeys.legacyEncrypted(keys, "s3cret"), "nope", "cannot be decrypted"));
        inputs.add(pair("legacy-encrypted-right-passphrase", certPem, TestKeys.legacyEncrypted(keys, "s3cret"), "s3cret", null));
        for (int i = 1; i <= 20; i++) {
            int cut = keyPem.length() * i / 21;
            inputs.add(pair("key-file-truncated-at-" + cut, certPem, certPem + keyPem.substring(0, cut), null, ""));
        }
        return inputs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void eachInputLoadsOrFailsWithAClearSentence(Input input) {
        char[] passphrase = input.passphrase() == null ? null : input.passphrase().toCharArray();
        ClientIdentity identity;
        try {
            identity = ClientIdentity.load(input.certFile(), input.keyFile(), passphrase);
        } catch (PkiException e) {
            if (input.expected() == null) {
                fail(input.label() + " should load but failed: " + e.getMessage());
            }
            assertClear(e.getMessage(), EITHER.equals(input.expected()) ? "" : input.expected());
            assertNamesAFile(input, e.getMessage());
            return;
        }
        if (input.expected() != null && !EITHER.equals(input.expected())) {
            fail(input.label() + " should fail with \"" + input.expected() + "\" but loaded " + identity);
        }
        if (input.expected() == null) {
            assertEquals("CN=alice", identity.subject());
        }
        // whatever loaded has a chain the TLS key store accepts
        SslContexts.trustingAnyServer(identity);
    }

    private static void assertNamesAFile(Input input, String message) {
        String cert = input.certFile().getFileName().toString();
        String key = input.keyFile() == null ? cert : input.keyFile().getFileName().toString();
        if (!message.contains(cert) && !message.contains(key) && !message.contains("private key")
                && !message.contains("certificate") && !message.contains("No such file")) {
            fail("the error names neither file nor part: " + message);
        }
    }

    private static Input special(String label, Path path, String expected) {
        return new Input(label, path, null, null, expected);
    }

    private static Input bytes(String label, byte[] content, String expected) {
        return new Input(label, write(label + ".pem", content), null, null, expected);
    }

    private static Input pair(String label, String certText, String keyText, String passphrase, String expected) {
        return new Input(label, write(label + "-cert.pem", certText.getBytes(StandardCharsets.US_ASCII)),
                write(label + "-key.pem", keyText.getBytes(StandardCharsets.US_ASCII)), passphrase, expected);
    }

    private static Path write(String name, byte[] content) {
        try {
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path symlink(String name, Path target) throws IOException {
        Path link = dir.resolve(name);
        Files.deleteIfExists(link);
        return Files.createSymbolicLink(link, target);
    }

    private static Path fifo() throws Exception {
        Path fifo = dir.resolve("fifo.pem");
        Files.deleteIfExists(fifo);
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        if (mkfifo.waitFor() != 0) {
            throw new IOException("mkfifo failed");
        }
        return fifo;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
