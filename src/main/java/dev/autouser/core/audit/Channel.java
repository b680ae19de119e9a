package dev.autouser.core.audit;

import java.util.Locale;

/** Which face of the tool made a change. */
public enum Channel {
    GUI, CLI,
    /** The core used directly (tests, embedding): neither face. */
    LIBRARY;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Channel of(String word) {
        for (Channel channel : values()) {
            if (channel.word().equalsIgnoreCase(word)) {
                return channel;
            }
        }
        return LIBRARY;
    }
}
