package dev.autouser.core.pki;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the common PEM files with the JDK alone: certificates, unencrypted PKCS#8 keys and PKCS#1
 * RSA keys (what {@code tctl auth sign --format=mongodb} and the demo PKI write). Loading
 * BouncyCastle costs a command-line run several hundred classes and a noticeable part of its
 * start-up, so {@link PemReader} asks here first and hands anything else (encrypted or SEC1 keys,
 * damaged files) to BouncyCastle, which also words the errors.
 */
final class JdkPem {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\r?\\n([A-Za-z0-9+/=\\r\\n]+?)-----END \\1-----");
    /** AlgorithmIdentifier of rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448", "DSA");
    /** The DER-encoded OBJECT IDENTIFIER (tag, length, value) of each key algorithm in a PKCS#8 AlgorithmIdentifier. */
    private static final Map<String, byte[]> ALGORITHM_OIDS = Map.of(
            "RSA", new byte[] {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01},
            "EC", new byte[] {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01},
            "Ed25519", new byte[] {0x06, 0x03, 0x2b, 0x65, 0x70},
            "Ed448", new byte[] {0x06, 0x03, 0x2b, 0x65, 0x71},
            "DSA", new byte[] {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x38, 0x04, 0x01});

    private JdkPem() {
    }

    /** The content, or empty when the text holds anything this reader does not handle. */
    static Optional<PemContent> parse(String text) {
        List<X509Certificate> certificates = new ArrayList<>();
        PrivateKey key = null;
        Matcher block = BLOCK.matcher(text);
        int end = 0;
        try {
            while (block.find()) {
                if (!text.substring(end, block.start()).isBlank() && text.substring(end, block.start()).contains("-----")) {
                    return Optional.empty(); // a block this pattern does not take (headers, other labels)
                }
                end = block.end();
                byte[] der = Base64.getMimeDecoder().decode(block.group(2));
                switch (block.group(1)) {
                    case "CERTIFICATE" -> certificates.add(certificate(der));
                    case "PRIVATE KEY", "RSA PRIVATE KEY" -> {
                        if (key != null) {
                            return Optional.empty(); // two keys: BouncyCastle's path words the refusal
                        }
                        key = block.group(1).equals("PRIVATE KEY") ? pkcs8(der) : pkcs8(rsaPkcs1ToPkcs8(der));
                        if (key == null) {
                            return Optional.empty();
                        }
                    }
                    default -> {
                        return Optional.empty();
                    }
                }
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
        if (text.substring(end).contains("-----") || (certificates.isEmpty() && key == null)) {
            return Optional.empty();
        }
        return Optional.of(new PemContent(certificates, Optional.ofNullable(key)));
    }

    private static X509Certificate certificate(byte[] der) throws GeneralSecurityException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }

    private static PrivateKey pkcs8(byte[] der) {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : likelyFirst(der)) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // not this algorithm: try the next
            }
        }
        return null;
    }

    /**
     * {@link #KEY_ALGORITHMS} with the key's own first (the OID of its AlgorithmIdentifier). A wrong
     * guess is not free: the JDK then asks every security provider in turn, and on the installed
     * runtime that walk reaches providers whose modules jlink left out, which makes the JDK
     * instantiate each provider on the class path to look for them (BouncyCastle's: some 650
     * classes from a signed jar, which the CDS archive cannot hold) before an EC key is read.
     */
    static List<String> likelyFirst(byte[] der) {
        byte[] head = java.util.Arrays.copyOf(der, Math.min(der.length, 32));
        for (Map.Entry<String, byte[]> oid : ALGORITHM_OIDS.entrySet()) {
            if (indexOf(head, oid.getValue()) >= 0) {
                List<String> ordered = new ArrayList<>(List.of(oid.getKey()));
                KEY_ALGORITHMS.stream().filter(a -> !a.equals(oid.getKey())).forEach(ordered::add);
                return ordered;
            }
        }
        return KEY_ALGORITHMS;
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** PrivateKeyInfo ::= SEQUENCE { version 0, rsaEncryption, OCTET STRING { RSAPrivateKey } }. */
    static byte[] rsaPkcs1ToPkcs8(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(RSA_ALGORITHM);
        body.write(0x04);
        writeLength(body, pkcs1.length);
        body.writeBytes(pkcs1);
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        info.write(0x30);
        writeLength(info, body.size());
        info.writeBytes(body.toByteArray());
        return info.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
            return;
        }
        int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
        out.write(0x80 | bytes);
        for (int i = bytes - 1; i >= 0; i--) {
            out.write(length >>> (8 * i));
        }
    }
}
