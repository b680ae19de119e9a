package dev.autouser.testsupport;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the malformed-input corpus asks of every error: a sentence a person can act on. It names
 * the problem (the fragments each case expects) and carries none of the raw texts the issue found
 * ("Input length = 1", "Certificate chain is not valid", "No group 5", exception class names).
 */
public final class ClearMessages {
    private static final List<String> UNCLEAR = List.of("Input length", "chain is not valid", "No group ",
            "Exception", "java.lang", "java.io", "java.util", "\tat ", "null pointer");

    private ClearMessages() {
    }

    /** Fails unless {@code message} is clear and contains every expected fragment. */
    public static void assertClear(String message, String... fragments) {
        assertNotNull(message, "an error without a message");
        assertFalse(message.isBlank(), "an empty error message");
        for (String unclear : UNCLEAR) {
            assertFalse(message.contains(unclear), "unclear message (" + unclear + "): " + message);
        }
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), "expected \"" + fragment + "\" in: " + message);
        }
    }
}
