package dev.autouser.ui.users;

import java.time.Instant;
import java.util.Comparator;

/**
 * An instant of the usage history as the table shows it: its age ("3 h ago"), sorted by the instant
 * (unknown first). {@code text} is part of the value, so a cell changes when its age text does.
 */
record AgeCell(Instant at, String text) implements Comparable<AgeCell> {
    static final AgeCell UNKNOWN = new AgeCell(null, "");
    private static final Comparator<AgeCell> ORDER = Comparator.comparing(AgeCell::at,
            Comparator.nullsFirst(Comparator.naturalOrder()));

    @Override
    public int compareTo(AgeCell other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return text;
    }
}
