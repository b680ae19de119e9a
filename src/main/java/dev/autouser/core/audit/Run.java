package dev.autouser.core.audit;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One action a person started (a cleanup of 500 users, one lock, one simulation): every record it
 * writes carries the same id, the action's name and its marks, so the log groups them back.
 */
public record Run(String id, String action, Set<Mark> marks) {
    public static final Run NONE = new Run("", "", Set.of());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    public Run {
        id = Objects.requireNonNullElse(id, "");
        action = Objects.requireNonNullElse(action, "");
        marks = marks.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(marks));
    }

    /** A new run: its id sorts by start time and is unique across processes ("20261201-185212-3fa94c1e"). */
    public static Run start(String action, Set<Mark> marks) {
        return new Run(ID_TIME.format(Instant.now()) + "-" + String.format("%08x", RANDOM.nextInt()), action, marks);
    }

    public boolean exists() {
        return !id.isEmpty();
    }

    public boolean has(Mark mark) {
        return marks.contains(mark);
    }

    public Run withMarks(Set<Mark> more) {
        EnumSet<Mark> all = EnumSet.noneOf(Mark.class);
        all.addAll(marks);
        all.addAll(more);
        return new Run(id, action, all);
    }
}
