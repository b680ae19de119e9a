package dev.autouser.sandbox.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * SCRAM-SHA-256 credentials as MongoDB stores them ({@code credentials."SCRAM-SHA-256"} in
 * {@code admin.system.users}): iteration count, salt, StoredKey and ServerKey (RFC 5802 / RFC 7677).
 * The password itself is never kept.
 */
public record ScramCredential(int iterationCount, byte[] salt, byte[] storedKey, byte[] serverKey) {

    /** MongoDB's default {@code scramSHA256IterationCount}. */
    public static final int DEFAULT_ITERATIONS = 15_000;
    /** MongoDB's minimum {@code scramSHA256IterationCount}. */
    public static final int MIN_ITERATIONS = 5_000;
    /** MongoDB generates 28-byte salts for SCRAM-SHA-256. */
    private static final int SALT_BYTES = 28;
    private static final SecureRandom RANDOM = new SecureRandom();

    public ScramCredential {
        if (iterationCount < 1) {
            throw new IllegalArgumentException("iteration count must be positive");
        }
        salt = salt.clone();
        storedKey = storedKey.clone();
        serverKey = serverKey.clone();
    }

    /** Derives fresh credentials with a random salt. */
    public static ScramCredential derive(String password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return derive(password, salt, iterations);
    }

    /** Derives credentials for a known salt (RFC 7677 test vectors, or re-deriving at login). */
    public static ScramCredential derive(String password, byte[] salt, int iterations) {
        byte[] salted = saltedPassword(password, salt, iterations);
        byte[] clientKey = hmac(salted, "Client Key");
        byte[] serverKey = hmac(salted, "Server Key");
        return new ScramCredential(iterations, salt, sha256(clientKey), serverKey);
    }

    /** SaltedPassword := Hi(Normalize(password), salt, i), with SASLprep as the normalization. */
    public static byte[] saltedPassword(String password, byte[] salt, int iterations) {
        String prepared = SaslPrep.prepare(password);
        char[] chars = prepared.toCharArray();
        try {
            PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is unavailable", e);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** HMAC-SHA-256, the keyed hash every SCRAM step uses. */
    public static byte[] hmac(byte[] key, String message) {
        return hmac(key, message.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    /** Whether {@code password} produces these credentials (constant-time comparison). */
    public boolean matches(String password) {
        ScramCredential candidate = derive(password, salt, iterationCount);
        return MessageDigest.isEqual(candidate.storedKey, storedKey);
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] storedKey() {
        return storedKey.clone();
    }

    @Override
    public byte[] serverKey() {
        return serverKey.clone();
    }

    public String saltBase64() {
        return Base64.getEncoder().encodeToString(salt);
    }

    public String storedKeyBase64() {
        return Base64.getEncoder().encodeToString(storedKey);
    }

    public String serverKeyBase64() {
        return Base64.getEncoder().encodeToString(serverKey);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScramCredential that && iterationCount == that.iterationCount
                && Arrays.equals(salt, that.salt) && Arrays.equals(storedKey, that.storedKey)
                && Arrays.equals(serverKey, that.serverKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(storedKey);
    }

    /** Never prints key material. */
    @Override
    public String toString() {
        return "ScramCredential[SCRAM-SHA-256, iterationCount=" + iterationCount + "]";
    }
}
