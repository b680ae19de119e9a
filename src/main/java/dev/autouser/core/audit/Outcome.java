package dev.autouser.core.audit;

import java.util.Locale;

/** What came of a recorded command, read from the start of its result text. */
public enum Outcome {
    OK, FAILED, REFUSED, SKIPPED, UNKNOWN, OTHER;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Outcome of(String result) {
        String text = result.trim().toLowerCase(Locale.ROOT);
        if (text.startsWith("ok")) {
            return OK;
        }
        if (text.startsWith("failed")) {
            return FAILED;
        }
        if (text.startsWith("refused")) {
            return REFUSED;
        }
        if (text.startsWith("skipped")) {
            return SKIPPED;
        }
        if (text.contains("outcome unknown")) {
            return UNKNOWN;
        }
        return OTHER;
    }

    public static Outcome parse(String word) {
        for (Outcome outcome : values()) {
            if (outcome.word().equalsIgnoreCase(word.trim())) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("unknown outcome '" + word + "': use ok, failed, refused, skipped, unknown or other");
    }
}
