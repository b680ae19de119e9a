package dev.autouser.core.mongo;

import java.util.Arrays;

/**
 * Secrets given at connect time and never saved: the SCRAM password and the passphrase of an
 * encrypted private key. Either may be absent. {@link #wipe()} overwrites them after use.
 */
public final class Secrets {
    private final char[] password;
    private final char[] keyPassphrase;

    private Secrets(char[] password, char[] keyPassphrase) {
        this.password = password == null ? null : password.clone();
        this.keyPassphrase = keyPassphrase == null ? null : keyPassphrase.clone();
    }

    public static Secrets none() {
        return new Secrets(null, null);
    }

    public static Secrets of(char[] passwordOrNull, char[] keyPassphraseOrNull) {
        return new Secrets(passwordOrNull, keyPassphraseOrNull);
    }

    /** The password, or null. */
    char[] password() {
        return password;
    }

    /** The key passphrase, or null. */
    char[] keyPassphrase() {
        return keyPassphrase;
    }

    public void wipe() {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
        if (keyPassphrase != null) {
            Arrays.fill(keyPassphrase, '\0');
        }
    }

    @Override
    public String toString() {
        return "Secrets[hidden]";
    }
}
