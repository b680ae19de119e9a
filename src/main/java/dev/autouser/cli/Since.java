package dev.autouser.cli;

import dev.autouser.core.ConsoleException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code --since}: an ISO date (midnight UTC) or instant, or an age back from now (30d, 12h, 45m). */
final class Since {
    private static final Pattern AGE = Pattern.compile("(\\d{1,6})([dhm])");

    private Since() {
    }

    static Instant parse(String text, Clock clock) {
        String trimmed = text.trim();
        Matcher age = AGE.matcher(trimmed);
        if (age.matches()) {
            long amount = Long.parseLong(age.group(1));
            Duration back = switch (age.group(2)) {
                case "d" -> Duration.ofDays(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofMinutes(amount);
            };
            return clock.instant().minus(back);
        }
        try {
            return trimmed.length() == 10 ? LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(trimmed);
        } catch (DateTimeParseException e) {
            throw new ConsoleException("--since \"" + text + "\" is neither a date (2026-11-01), an instant"
                    + " (2026-11-01T08:00:00Z) nor an age (30d, 12h, 45m).");
        }
    }
}
