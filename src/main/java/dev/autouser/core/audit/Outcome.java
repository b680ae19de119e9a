package dev.autouser.core.audit;

import java.util.Locale;

/** What came of a recorded command, read from the start of its result text. */
public enum Outcome {
    OK, FAILED, REFUSED, SKIPPED,
    /** Written before a command was sent; its outcome record follows (same action id). */
    INTENT,
    /** Shown but not run (dry runs), or never attempted (a run stopped before it). */
    NOT_RUN,
    /** Sent, but the reply was lost. */
    UNKNOWN, OTHER;

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
        if (text.startsWith("intent")) {
            return INTENT;
        }
        if (text.startsWith("dry run") || text.startsWith("not attempted")) {
            return NOT_RUN;
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
        throw new IllegalArgumentException("unknown outcome '" + word + "': use ok, failed, refused, skipped, intent, not_run, unknown or other");
    }
}
