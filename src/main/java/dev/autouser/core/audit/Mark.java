package dev.autouser.core.audit;

import java.util.Optional;

/** Records that are not ordinary changes say so, so nobody mistakes them for one. */
public enum Mark {
    /** A Teleport session simulated by the console: real commands, but not a real person's session. */
    SIMULATION("simulation"),
    /** Shown, not run: nothing changed on the server. */
    DRY_RUN("dry-run");

    private final String word;

    Mark(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    static Optional<Mark> of(String word) {
        for (Mark mark : values()) {
            if (mark.word.equals(word)) {
                return Optional.of(mark);
            }
        }
        return Optional.empty();
    }
}
