package dev.autouser.core.pki;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientIdentityTest {
    private static final String SUBJECT = "CN=alice,OU=dba,O=Example\\, Inc.";
    private static KeyPair keys;
    private static KeyPair otherKeys;
    private static X509Certificate certificate;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeKeys() throws Exception {
        keys = TestKeys.rsa();
        otherKeys = TestKeys.rsa();
        certificate = TestKeys.valid(SUBJECT, keys);
    }

    private Path file(String name, String... parts) throws Exception {
        Path path = dir.resolve(name);
        Files.writeString(path, String.join("", parts));
        return path;
    }

    @Test
    void readsCombinedPemWithPkcs1Key() throws Exception {
        Path combined = file("alice.pem", TestKeys.certificatePem(certificate), TestKeys.pkcs1(keys));
        ClientIdentity identity = ClientIdentity.load(combined, null, null);
        assertEquals(SUBJECT, identity.subject());
        assertTrue(identity.keyMatchesCertificate());
    }

    @Test
    void readsCombinedPemWithKeyBeforeCertificate() throws Exception {
        Path combined = file("alice.pem", TestKeys.pkcs8(keys), TestKeys.certificatePem(certificate));
        assertEquals(SUBJECT, ClientIdentity.load(combined, null, null).subject());
    }

    @Test
    void readsSeparateCertificateAndPkcs8KeyFiles() throws Exception {
        Path cert = file("alice.crt", TestKeys.certificatePem(certificate));
        Path key = file("alice.key", TestKeys.pkcs8(keys));
        ClientIdentity identity = ClientIdentity.load(cert, key, null);
        assertEquals(SUBJECT, identity.subject());
    }

    @Test
    void readsEncryptedPkcs8KeyWithPassphrase() throws Exception {
        Path cert = file("alice.crt", TestKeys.certificatePem(certificate));
        Path key = file("alice.key", TestKeys.encryptedPkcs8(keys, "s3cret"));
        assertEquals(SUBJECT, ClientIdentity.load(cert, key, "s3cret".toCharArray()).subject());
    }

    @Test
    void readsLegacyOpenSslEncryptedKeyWithPassphrase() throws Exception {
        Path combined = file("alice.pem", TestKeys.certificatePem(certificate), TestKeys.legacyEncrypted(keys, "s3cret"));
        assertEquals(SUBJECT, ClientIdentity.load(combined, null, "s3cret".toCharArray()).subject());
    }

    @Test
    void wrongPassphraseOnPkcs8SaysSoPlainly() throws Exception {
        Path cert = file("alice.crt", TestKeys.certificatePem(certificate));
        Path key = file("alice.key", TestKeys.encryptedPkcs8(keys, "s3cret"));
        PkiException e = assertThrows(PkiException.class, () -> ClientIdentity.load(cert, key, "wrong".toCharArray()));
        assertEquals("The private key in alice.key cannot be decrypted: the passphrase is wrong or the key is damaged.",
                e.getMessage());
    }

    @Test
    void wrongPassphraseOnLegacyKeySaysSoPlainly() throws Exception {
        Path combined = file("alice.pem", TestKeys.certificatePem(certificate), TestKeys.legacyEncrypted(keys, "s3cret"));
        PkiException e = assertThrows(PkiException.class,
                () -> ClientIdentity.load(combined, null, "wrong".toCharArray()));
        assertTrue(e.getMessage().contains("cannot be decrypted"), e.getMessage());
    }

    @Test
    void everyWrongPassphraseOnLegacyKeySaysSoPlainly() throws Exception {
        // A wrong passphrase on a legacy key yields valid padding about once in 256 tries and then fails as a
        // malformed key; 2,000 passphrases hit that case (all but certainly) and must read the same.
        Path combined = file("alice.pem", TestKeys.certificatePem(certificate), TestKeys.legacyEncrypted(keys, "s3cret"));
        for (int i = 0; i < 2_000; i++) {
            char[] wrong = ("wrong-" + i).toCharArray();
            PkiException e = assertThrows(PkiException.class, () -> ClientIdentity.load(combined, null, wrong));
            assertTrue(e.getMessage().contains("cannot be decrypted"), "passphrase wrong-" + i + ": " + e.getMessage());
        }
    }

    @Test
    void missingPassphraseForEncryptedKeyAsksForOne() throws Exception {
        Path combined = file("alice.pem", TestKeys.certificatePem(certificate), TestKeys.encryptedPkcs8(keys, "s3cret"));
        PkiException e = assertThrows(PkiException.class, () -> ClientIdentity.load(combined, null, null));
        assertEquals("The private key in alice.pem is encrypted: a passphrase is needed.", e.getMessage());
    }

    @Test
    void keyOfAnotherCertificateIsRefused() throws Exception {
        Path cert = file("alice.crt", TestKeys.certificatePem(certificate));
        Path key = file("bob.key", TestKeys.pkcs8(otherKeys));
        PkiException e = assertThrows(PkiException.class, () -> ClientIdentity.load(cert, key, null));
        assertEquals("The private key does not belong to the certificate " + SUBJECT + ".", e.getMessage());
    }

    @Test
    void certificateWithoutKeyAsksForTheKeyFile() throws Exception {
        Path cert = file("alice.crt", TestKeys.certificatePem(certificate));
        PkiException e = assertThrows(PkiException.class, () -> ClientIdentity.load(cert, null, null));
        assertTrue(e.getMessage().contains("choose the key file too"), e.getMessage());
    }

    @Test
    void keyWithoutCertificateSaysCertificateIsMissing() throws Exception {
        Path key = file("alice.key", TestKeys.pkcs8(keys));
        PkiException e = assertThrows(PkiException.class, () -> ClientIdentity.load(key, null, null));
        assertEquals("alice.key holds no certificate.", e.getMessage());
    }

    @Test
    void expiredCertificateIsRecognised() throws Exception {
        Instant now = Instant.now();
        X509Certificate expired = TestKeys.selfSigned("CN=old", keys, now.minus(Duration.ofDays(60)),
                now.minus(Duration.ofDays(1)));
        Path combined = file("old.pem", TestKeys.certificatePem(expired), TestKeys.pkcs8(keys));
        ClientIdentity identity = ClientIdentity.load(combined, null, null);
        assertTrue(identity.isExpiredAt(now));
        assertFalse(identity.expiresWithin(Duration.ofDays(7), now));
    }

    @Test
    void certificateExpiringSoonIsFlagged() throws Exception {
        Instant now = Instant.now();
        X509Certificate soon = TestKeys.selfSigned("CN=soon", keys, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(2)));
        ClientIdentity identity = ClientIdentity.load(file("soon.pem", TestKeys.certificatePem(soon),
                TestKeys.pkcs8(keys)), null, null);
        assertFalse(identity.isExpiredAt(now));
        assertTrue(identity.expiresWithin(Duration.ofDays(7), now));
    }

    @Test
    void textWithoutPemMarkersIsNotPem() throws Exception {
        Path junk = file("notes.txt", "hello, this is not a certificate\n");
        PkiException e = assertThrows(PkiException.class, () -> ClientIdentity.load(junk, null, null));
        assertEquals("notes.txt is not a PEM file: it has no \"-----BEGIN\" line.", e.getMessage());
    }

    @Test
    void damagedBase64IsReportedAsDamaged() throws Exception {
        String pem = TestKeys.certificatePem(certificate);
        String damaged = pem.substring(0, 80) + "!!!!not-base64!!!!" + pem.substring(100);
        Path file = file("damaged.pem", damaged);
        PkiException e = assertThrows(PkiException.class, () -> ClientIdentity.load(file, null, null));
        assertTrue(e.getMessage().startsWith("damaged.pem"), e.getMessage());
    }

    @Test
    void truncatedPemIsReportedAsDamaged() throws Exception {
        String pem = TestKeys.certificatePem(certificate);
        Path file = file("cut.pem", pem.substring(0, pem.length() / 2));
        PkiException e = assertThrows(PkiException.class, () -> ClientIdentity.load(file, null, null));
        assertTrue(e.getMessage().startsWith("cut.pem"), e.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nope.pem");
        PkiException e = assertThrows(PkiException.class, () -> ClientIdentity.load(missing, null, null));
        assertEquals("No such file: " + missing, e.getMessage());
    }

    @Test
    void twoKeysInSeparateFilesAreRefused() throws Exception {
        Path combined = file("alice.pem", TestKeys.certificatePem(certificate), TestKeys.pkcs8(keys));
        Path key = file("alice.key", TestKeys.pkcs8(keys));
        PkiException e = assertThrows(PkiException.class, () -> ClientIdentity.load(combined, key, null));
        assertEquals("Two private keys were given; choose one key file.", e.getMessage());
    }

    @Test
    void identityNeverPrintsKeyMaterial() throws Exception {
        ClientIdentity identity = ClientIdentity.load(file("alice.pem", TestKeys.certificatePem(certificate),
                TestKeys.pkcs8(keys)), null, null);
        assertEquals("ClientIdentity[" + SUBJECT + "]", identity.toString());
    }

    @Test
    void devPkiClientFileIsACombinedPemWithRfc2253Subject() {
        DevPki pki = DevPki.openOrCreate(dir.resolve("pki"));
        ClientIdentity identity = pki.clientIdentity("teleport-admin", "teleport-admin.pem");
        assertEquals("CN=teleport-admin", identity.subject());
        assertTrue(identity.keyMatchesCertificate());
    }
}
