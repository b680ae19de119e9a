package dev.autouser.core.pki;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** Keys and certificates in every PEM flavour the console must read, made on the fly. */
final class TestKeys {
    private static final java.security.Provider BC = new org.bouncycastle.jce.provider.BouncyCastleProvider();

    private TestKeys() {
    }

    static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    static X509Certificate selfSigned(String subject, KeyPair keys, Instant notBefore, Instant notAfter) throws Exception {
        // X500Name keeps the written order; RFC 2253 prints RDNs in reverse, so write them reversed.
        X500Name name = new X500Name(reverse(subject));
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(System.nanoTime()),
                Date.from(notBefore), Date.from(notAfter), name, keys.getPublic());
        var signer = new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static String reverse(String rfc2253) {
        String[] parts = rfc2253.split("(?<!\\\\),");
        java.util.Collections.reverse(java.util.Arrays.asList(parts));
        return String.join(",", parts);
    }

    static X509Certificate valid(String subject, KeyPair keys) throws Exception {
        Instant now = Instant.now();
        return selfSigned(subject, keys, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)));
    }

    static String certificatePem(X509Certificate certificate) throws Exception {
        return write(certificate);
    }

    /** "-----BEGIN RSA PRIVATE KEY-----" (traditional OpenSSL / PKCS#1). */
    static String pkcs1(KeyPair keys) throws Exception {
        return write(new JcaMiscPEMGenerator(keys.getPrivate()));
    }

    /** "-----BEGIN PRIVATE KEY-----". */
    static String pkcs8(KeyPair keys) throws Exception {
        return write(new JcaPKCS8Generator(keys.getPrivate(), null));
    }

    /** "-----BEGIN ENCRYPTED PRIVATE KEY-----" (PKCS#8, AES-256-CBC). */
    static String encryptedPkcs8(KeyPair keys, String passphrase) throws Exception {
        var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                .setProvider(BC).setPassword(passphrase.toCharArray()).build();
        return write(new JcaPKCS8Generator(keys.getPrivate(), encryptor));
    }

    /** "Proc-Type: 4,ENCRYPTED" + "DEK-Info" (legacy OpenSSL encryption of a PKCS#1 key). */
    static String legacyEncrypted(KeyPair keys, String passphrase) throws Exception {
        return write(new JcaMiscPEMGenerator(keys.getPrivate(),
                new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(BC).build(passphrase.toCharArray())));
    }

    private static String write(Object object) throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object instanceof org.bouncycastle.util.io.pem.PemObjectGenerator g ? g : object);
        }
        return out.toString();
    }
}
