package dev.autouser.core.history;

import java.util.Locale;

/** The state a listing showed (or "dropped": no longer listed), as the history stores it. */
public enum ObservedState {
    ACTIVE, NOT_CLEANED_UP, LOCKED, DROPPED,
    /** Known only from imported evidence (a Teleport audit event, the server's log): no listing showed it yet. */
    UNLISTED;

    /** The stored word, the same as the CLI's: {@code not-cleaned-up}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static ObservedState fromWord(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** Teleport's model: a session wins; otherwise locked or not cleaned up. */
    public static ObservedState of(ObservedUser user) {
        if (user.active()) {
            return ACTIVE;
        }
        return user.locked() ? LOCKED : NOT_CLEANED_UP;
    }
}
