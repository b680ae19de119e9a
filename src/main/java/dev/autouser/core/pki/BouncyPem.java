package dev.autouser.core.pki;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads PEM text with BouncyCastle: PKCS#1 ("RSA PRIVATE KEY"), SEC1 ("EC PRIVATE KEY"), PKCS#8
 * ("PRIVATE KEY"), encrypted PKCS#8 and legacy OpenSSL-encrypted keys, and words every failure as a
 * {@link PkiException} that names the file. A class of its own, so that BouncyCastle's provider is
 * created only when {@link PemReader} needs it.
 */
final class BouncyPem {
    private static final JcaPEMKeyConverter KEYS = new JcaPEMKeyConverter();
    private static final JcaX509CertificateConverter CERTS = new JcaX509CertificateConverter();
    /**
     * The JDK has neither "AES/CBC/PKCS7Padding" nor OpenSSL's key derivation, so decryption of
     * encrypted PKCS#8 and legacy OpenSSL keys must use BouncyCastle's provider (not registered
     * globally, to leave the JDK's TLS providers alone).
     */
    private static final java.security.Provider BC = new org.bouncycastle.jce.provider.BouncyCastleProvider();

    private BouncyPem() {
    }

    static PemContent parse(String text, String source, char[] passphrase) {
        List<X509Certificate> certificates = new ArrayList<>();
        PrivateKey key = null;
        try (Reader reader = new StringReader(text); PEMParser parser = new PEMParser(reader)) {
            Object item;
            while ((item = nextItem(parser, source)) != null) {
                if (item instanceof X509CertificateHolder holder) {
                    certificates.add(CERTS.getCertificate(holder));
                } else {
                    PrivateKey found = toPrivateKey(item, source, passphrase);
                    if (found == null) {
                        continue; // e.g. EC parameters or a public key: not ours to use
                    }
                    if (key != null) {
                        throw new PkiException(source + " holds more than one private key.");
                    }
                    key = found;
                }
            }
        } catch (IOException e) {
            throw new PkiException(source + " is not valid PEM: " + PemReader.plain(e.getMessage()) + ".", e);
        } catch (CertificateException e) {
            throw new PkiException(source + " holds a certificate that cannot be decoded: " + PemReader.plain(e.getMessage()) + ".", e);
        }
        if (certificates.isEmpty() && key == null) {
            throw new PkiException(source + " holds neither a certificate nor a private key.");
        }
        return new PemContent(certificates, Optional.ofNullable(key));
    }

    private static Object nextItem(PEMParser parser, String source) throws IOException {
        try {
            return parser.readObject();
        } catch (PEMException | IllegalArgumentException | IllegalStateException e) {
            throw new PkiException(source + " is damaged: a PEM block cannot be decoded ("
                    + PemReader.plain(e.getMessage()) + ").", e);
        }
    }

    private static PrivateKey toPrivateKey(Object item, String source, char[] passphrase) throws IOException {
        try {
            if (item instanceof PEMKeyPair pair) {
                return KEYS.getKeyPair(pair).getPrivate();
            }
            if (item instanceof PrivateKeyInfo info) {
                return KEYS.getPrivateKey(info);
            }
            if (item instanceof PEMEncryptedKeyPair encrypted) {
                requirePassphrase(source, passphrase);
                return KEYS.getKeyPair(encrypted.decryptKeyPair(
                        new JcePEMDecryptorProviderBuilder().setProvider(BC).build(passphrase))).getPrivate();
            }
            if (item instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                requirePassphrase(source, passphrase);
                return KEYS.getPrivateKey(encrypted.decryptPrivateKeyInfo(
                        new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(passphrase)));
            }
            return null;
        } catch (PKCSException | OperatorCreationException | org.bouncycastle.openssl.EncryptionException e) {
            throw new PkiException("The private key in " + source
                    + " cannot be decrypted: the passphrase is wrong or the key is damaged.", e);
        } catch (PEMException e) {
            // A wrong passphrase on a legacy (OpenSSL) key usually fails the padding check, but about one
            // time in 256 the garbage pads correctly and fails later as a malformed key: same cause.
            boolean encrypted = item instanceof PEMEncryptedKeyPair || item instanceof PKCS8EncryptedPrivateKeyInfo;
            if (encrypted || (e.getCause() != null && e.getMessage() != null && e.getMessage().contains("decrypt"))) {
                throw new PkiException("The private key in " + source
                        + " cannot be decrypted: the passphrase is wrong or the key is damaged.", e);
            }
            throw new PkiException("The private key in " + source + " cannot be read: " + PemReader.plain(e.getMessage()) + ".", e);
        }
    }

    private static void requirePassphrase(String source, char[] passphrase) {
        if (passphrase == null || passphrase.length == 0) {
            throw new PkiException("The private key in " + source + " is encrypted: a passphrase is needed.");
        }
    }
}
