package dev.autouser.core.pki;

import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A PKCS#8 key is read with its own algorithm first (no provider walk on a wrong guess; issue 13). */
class JdkPemAlgorithmOrderTest {
    @Test
    void eachKeysOwnAlgorithmComesFirst() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        assertEquals("EC", first(ec.generateKeyPair().getPrivate().getEncoded()));
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        assertEquals("RSA", first(rsa.generateKeyPair().getPrivate().getEncoded()));
        assertEquals("Ed25519", first(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded()));
        assertEquals("Ed448", first(KeyPairGenerator.getInstance("Ed448").generateKeyPair().getPrivate().getEncoded()));
        KeyPairGenerator dsa = KeyPairGenerator.getInstance("DSA");
        dsa.initialize(2048);
        assertEquals("DSA", first(dsa.generateKeyPair().getPrivate().getEncoded()));
    }

    @Test
    void theOtherAlgorithmsStayAsFallbacksAndUnknownKeysKeepTheUsualOrder() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        assertEquals(List.of("EC", "RSA", "Ed25519", "Ed448", "DSA"),
                JdkPem.likelyFirst(ec.generateKeyPair().getPrivate().getEncoded()));
        assertEquals(List.of("RSA", "EC", "Ed25519", "Ed448", "DSA"), JdkPem.likelyFirst(new byte[] {0x30, 0x03, 0x02, 0x01, 0x00}));
    }

    private static String first(byte[] pkcs8) {
        return JdkPem.likelyFirst(pkcs8).get(0);
    }
}
