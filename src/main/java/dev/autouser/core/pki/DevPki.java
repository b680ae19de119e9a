package dev.autouser.core.pki;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * A development certificate authority kept in a folder: {@code ca.pem} (certificate),
 * {@code ca-key.pem} (its key, so later runs can issue more), {@code server.pem} and client files
 * that hold certificate and key together, as {@code tctl auth sign --format=mongodb} writes them.
 * Files already in the folder are reused, never overwritten.
 */
public final class DevPki {
    public static final String CA_FILE = "ca.pem";
    public static final String CA_KEY_FILE = "ca-key.pem";
    public static final String SERVER_FILE = "server.pem";
    private static final Duration VALIDITY = Duration.ofDays(825);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final X509Certificate caCertificate;
    private final PrivateKey caKey;

    private DevPki(Path dir, X509Certificate caCertificate, PrivateKey caKey) {
        this.dir = dir;
        this.caCertificate = caCertificate;
        this.caKey = caKey;
    }

    /** Opens the CA in {@code dir}, creating the folder, CA and server certificate when missing. */
    public static DevPki openOrCreate(Path dir) {
        try {
            Files.createDirectories(dir);
            Path caFile = dir.resolve(CA_FILE);
            Path caKeyFile = dir.resolve(CA_KEY_FILE);
            DevPki pki;
            if (Files.exists(caFile) && Files.exists(caKeyFile)) {
                X509Certificate ca = PemReader.read(caFile).certificates().stream().findFirst()
                        .orElseThrow(() -> new PkiException(caFile + " holds no certificate."));
                PrivateKey key = PemReader.read(caKeyFile).privateKey()
                        .orElseThrow(() -> new PkiException(caKeyFile + " holds no private key."));
                pki = new DevPki(dir, ca, key);
            } else {
                KeyPair pair = newKeyPair();
                X509Certificate ca = issue(new X500Name("CN=Auto-User Console Dev CA,O=autouser"), pair,
                        new X500Name("CN=Auto-User Console Dev CA,O=autouser"), pair.getPrivate(), null, true);
                writeAtomically(caFile, pem(List.of(ca), null));
                writeSecret(caKeyFile, pem(List.of(), pair.getPrivate()));
                pki = new DevPki(dir, ca, pair.getPrivate());
            }
            pki.serverFile();
            return pki;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the development PKI in " + dir, e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Path caFile() {
        return dir.resolve(CA_FILE);
    }

    public X509Certificate caCertificate() {
        return caCertificate;
    }

    /** {@code server.pem}: certificate for localhost / 127.0.0.1 / ::1 with its key. */
    public Path serverFile() {
        Path file = dir.resolve(SERVER_FILE);
        if (!Files.exists(file)) {
            KeyPair pair = newKeyPair();
            GeneralNames names = new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                    new GeneralName(GeneralName.iPAddress, "::1")});
            X509Certificate certificate = issue(new X500Name("CN=localhost,O=autouser"), pair,
                    caName(), caKey, names, false);
            writeSecret(file, pem(List.of(certificate), pair.getPrivate()));
        }
        return file;
    }

    /**
     * The combined PEM for X.509 user {@code CN=<commonName>} at {@code relativePath},
     * issued when missing.
     */
    public Path clientFile(String commonName, String relativePath) {
        Path file = dir.resolve(relativePath);
        if (!Files.exists(file)) {
            KeyPair pair = newKeyPair();
            X509Certificate certificate = issue(new X500Name(new org.bouncycastle.asn1.x500.X500NameBuilder()
                    .addRDN(org.bouncycastle.asn1.x500.style.BCStyle.CN, commonName).build().toString()),
                    pair, caName(), caKey, null, false);
            writeSecret(file, pem(List.of(certificate), pair.getPrivate()));
        }
        return file;
    }

    /** Loads a client file issued by {@link #clientFile} as an identity ready for TLS. */
    public ClientIdentity clientIdentity(String commonName, String relativePath) {
        return ClientIdentity.load(clientFile(commonName, relativePath), null, null);
    }

    private X500Name caName() {
        return X500Name.getInstance(caCertificate.getSubjectX500Principal().getEncoded());
    }

    private static X509Certificate issue(X500Name subject, KeyPair subjectKeys, X500Name issuer,
                                         PrivateKey issuerKey, GeneralNames altNames, boolean ca) {
        try {
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    new BigInteger(96, RANDOM), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(VALIDITY)), subject, subjectKeys.getPublic());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    utils.createSubjectKeyIdentifier(subjectKeys.getPublic()));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (ca) {
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            } else {
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                        new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            }
            if (altNames != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, altNames);
            }
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey);
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new PkiException("Cannot issue a development certificate: " + e.getMessage(), e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new PkiException("Cannot generate a key pair: " + e.getMessage(), e);
        }
    }

    static String pem(List<X509Certificate> certificates, PrivateKey keyOrNull) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            for (X509Certificate certificate : certificates) {
                writer.writeObject(certificate);
            }
            if (keyOrNull != null) {
                writer.writeObject(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(keyOrNull, null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeSecret(Path file, String text) {
        writeAtomically(file, text);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // Not a POSIX file system (Windows): the user's profile folder protects it instead.
        }
    }

    private static void writeAtomically(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".pki", ".tmp");
            Files.writeString(temp, text, StandardCharsets.US_ASCII);
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
