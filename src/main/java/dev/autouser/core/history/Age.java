package dev.autouser.core.history;

import java.time.Duration;
import java.time.Instant;

/** Ages as a person reads them in a column: "just now", "12 min ago", "5 h ago", "3 d ago". */
public final class Age {
    private Age() {
    }

    public static String ago(Instant then, Instant now) {
        Duration age = Duration.between(then, now);
        if (age.isNegative() || age.toSeconds() < 60) {
            return "just now";
        }
        if (age.toMinutes() < 60) {
            return age.toMinutes() + " min ago";
        }
        if (age.toHours() < 48) {
            return age.toHours() + " h ago";
        }
        return age.toDays() + " d ago";
    }
}
