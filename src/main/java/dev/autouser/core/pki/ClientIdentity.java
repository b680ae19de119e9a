package dev.autouser.core.pki;

import javax.security.auth.x500.X500Principal;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A client certificate chain with its private key, as used for MongoDB X.509 authentication.
 * The MongoDB user name is the certificate subject in RFC 2253 form.
 */
public record ClientIdentity(List<X509Certificate> chain, PrivateKey privateKey) {
    public ClientIdentity {
        chain = List.copyOf(chain);
        Objects.requireNonNull(privateKey, "privateKey");
        if (chain.isEmpty()) {
            throw new PkiException("A client certificate is needed next to the private key.");
        }
    }

    /** Loads from one combined PEM file (certificate and key) or from two files. */
    public static ClientIdentity load(Path certificateFile, Path keyFileOrNull, char[] passphrase) {
        PemContent certificateContent = PemReader.read(certificateFile, passphrase);
        PemContent content = certificateContent;
        if (keyFileOrNull != null && !keyFileOrNull.equals(certificateFile)) {
            content = content.merge(PemReader.read(keyFileOrNull, passphrase));
        }
        if (certificateContent.certificates().isEmpty()) {
            throw new PkiException(certificateFile.getFileName() + " holds no certificate.");
        }
        PrivateKey key = content.privateKey().orElseThrow(() -> new PkiException(
                "No private key found: " + certificateFile.getFileName()
                        + " holds only a certificate; choose the key file too."));
        X509Certificate leaf = certificateContent.certificates().stream()
                .filter(candidate -> keyMatches(key, candidate.getPublicKey()))
                .findFirst()
                .orElseThrow(() -> new PkiException("The private key does not belong to the certificate "
                        + X509Names.subject(certificateContent.certificates().get(0)) + "."));
        return new ClientIdentity(chainFrom(leaf, content.certificates()), key);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The subject in RFC 2253 form, which is the MongoDB X.509 user name in {@code $external}. */
    public String subject() {
        return X509Names.subject(certificate());
    }

    public Instant notAfter() {
        return certificate().getNotAfter().toInstant();
    }

    public boolean isExpiredAt(Instant now) {
        return now.isAfter(notAfter()) || now.isBefore(certificate().getNotBefore().toInstant());
    }

    public boolean expiresWithin(Duration window, Instant now) {
        return !isExpiredAt(now) && notAfter().isBefore(now.plus(window));
    }

    /** Signs a probe with the key and verifies it with the certificate's public key. */
    public boolean keyMatchesCertificate() {
        return keyMatches(privateKey, certificate().getPublicKey());
    }

    static boolean keyMatches(PrivateKey key, PublicKey publicKey) {
        try {
            String algorithm = signatureAlgorithm(publicKey);
            byte[] probe = "autouser-key-check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }

    private static String signatureAlgorithm(PublicKey publicKey) {
        return switch (publicKey.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> "SHA256withRSA";
        };
    }

    /**
     * The leaf, then each issuer found among the given certificates, once each. Copies of the leaf
     * (a key file that also holds the certificate) and certificates outside the chain are left out:
     * the TLS key store refuses a chain that is not one.
     */
    private static List<X509Certificate> chainFrom(X509Certificate leaf, List<X509Certificate> certificates) {
        List<X509Certificate> chain = new ArrayList<>(List.of(leaf));
        X509Certificate current = leaf;
        while (!current.getIssuerX500Principal().equals(current.getSubjectX500Principal())) {
            X509Certificate issued = current;
            X509Certificate issuer = certificates.stream()
                    .filter(c -> !chain.contains(c))
                    .filter(c -> c.getSubjectX500Principal().equals(issued.getIssuerX500Principal()))
                    .filter(c -> signedBy(issued, c))
                    .findFirst().orElse(null);
            if (issuer == null) {
                break;
            }
            chain.add(issuer);
            current = issuer;
        }
        return chain;
    }

    private static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        // Never print key material.
        return "ClientIdentity[" + subject() + "]";
    }

    static X500Principal principal(X509Certificate certificate) {
        return certificate.getSubjectX500Principal();
    }
}
