package dev.autouser.core.teleport.adminsetup;

import java.util.Optional;

/** What reading the server told us about one thing: found, absent, or unknown (and why). */
public record Observation<T>(State state, Optional<T> value, String reason) {
    public enum State { FOUND, ABSENT, UNKNOWN }

    public static <T> Observation<T> found(T value) {
        return new Observation<>(State.FOUND, Optional.of(value), "");
    }

    public static <T> Observation<T> absent() {
        return new Observation<>(State.ABSENT, Optional.empty(), "");
    }

    public static <T> Observation<T> unknown(String reason) {
        return new Observation<>(State.UNKNOWN, Optional.empty(), reason);
    }

    public boolean isFound() {
        return state == State.FOUND;
    }
}
