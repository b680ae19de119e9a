package dev.autouser.core.provisioning;

import java.util.Locale;

/**
 * An auto-user's state, named by what it means in Teleport's model. Teleport keeps a user
 * <b>active</b> while it has a session and, when the session ends, <b>locks</b> it ({@code keep}
 * mode) or drops it ({@code best_effort_drop}). So a user that is neither connected nor locked is
 * one whose session-end step did not run: <b>not cleaned up</b> (see {@link NotCleanedUpCauses}).
 * ACTIVE (has a live connection) wins over LOCKED: a lock only takes effect at the next
 * authentication, so a locked user can still be connected, and must not be touched.
 */
public enum UserState {
    ACTIVE("Active"), NOT_CLEANED_UP("Not cleaned up"), LOCKED("Locked");

    private final String label;

    UserState(String label) {
        this.label = label;
    }

    /** What the console shows: "Not cleaned up". */
    public String label() {
        return label;
    }

    /** The one word of the CLI's {@code --state}, CSV and JSON: {@code not-cleaned-up}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@link #word()} (any case; underscores accepted); empty when it names no state. */
    public static java.util.Optional<UserState> fromWord(String word) {
        String wanted = word.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (UserState state : values()) {
            if (state.word().equals(wanted)) {
                return java.util.Optional.of(state);
            }
        }
        return java.util.Optional.empty();
    }
}
