package dev.autouser.core.policy;

import java.time.Duration;
import java.time.Instant;

/** Ages as a person reads them: "45 min", "3 h", "12 d". */
public final class Ages {
    private Ages() {
    }

    public static String text(Duration age) {
        long minutes = Math.max(0, age.toMinutes());
        if (minutes < 120) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours + " h";
        }
        return hours / 24 + " d";
    }

    public static String since(Instant then, Instant now) {
        return text(Duration.between(then, now));
    }
}
