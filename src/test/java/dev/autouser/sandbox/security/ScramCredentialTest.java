package dev.autouser.sandbox.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ScramCredentialTest {

    // The SCRAM-SHA-256 exchange of RFC 7677 section 3.
    private static final String CLIENT_FIRST_BARE = "n=user,r=rOprNGfwEbeRWgbNEkqO";
    private static final String SERVER_FIRST = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
            + "s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
    private static final String CLIENT_FINAL_WITHOUT_PROOF = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
    private static final String PROOF = "dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
    private static final String SERVER_SIGNATURE = "6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

    @Test
    void derivedKeysVerifyTheRfc7677Exchange() {
        byte[] salt = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");
        ScramCredential credential = ScramCredential.derive("pencil", salt, 4096);
        byte[] authMessage = (CLIENT_FIRST_BARE + "," + SERVER_FIRST + "," + CLIENT_FINAL_WITHOUT_PROOF)
                .getBytes(StandardCharsets.UTF_8);

        byte[] serverSignature = ScramCredential.hmac(credential.serverKey(), authMessage);
        assertEquals(SERVER_SIGNATURE, Base64.getEncoder().encodeToString(serverSignature));

        byte[] clientSignature = ScramCredential.hmac(credential.storedKey(), authMessage);
        byte[] proof = Base64.getDecoder().decode(PROOF);
        byte[] clientKey = new byte[proof.length];
        for (int i = 0; i < proof.length; i++) {
            clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
        }
        assertArrayEquals(credential.storedKey(), ScramCredential.sha256(clientKey));
    }

    @Test
    void freshCredentialsUseRandomSaltsAndMatchOnlyTheirPassword() {
        ScramCredential first = ScramCredential.derive("s3cret", ScramCredential.MIN_ITERATIONS);
        ScramCredential second = ScramCredential.derive("s3cret", ScramCredential.MIN_ITERATIONS);
        assertEquals(28, first.salt().length);
        assertNotEquals(first.saltBase64(), second.saltBase64());
        assertTrue(first.matches("s3cret"));
        assertFalse(first.matches("S3cret"));
    }

    @Test
    void saslPrepMapsNonAsciiSpacesAndDropsSoftHyphens() {
        byte[] salt = new byte[28];
        ScramCredential plain = ScramCredential.derive("I X", salt, 4096);
        assertArrayEquals(plain.storedKey(), ScramCredential.derive("I\u00A0X", salt, 4096).storedKey());
        assertArrayEquals(ScramCredential.derive("IX", salt, 4096).storedKey(),
                ScramCredential.derive("I\u00ADX", salt, 4096).storedKey());
    }

    @Test
    void toStringNeverShowsKeys() {
        ScramCredential credential = ScramCredential.derive("pw", ScramCredential.MIN_ITERATIONS);
        assertFalse(credential.toString().contains(credential.storedKeyBase64()));
    }
}
