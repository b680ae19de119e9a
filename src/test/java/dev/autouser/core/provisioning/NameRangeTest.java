package dev.autouser.core.provisioning;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NameRangeTest {
    @Test
    void wholeRangeHasNoFilter() {
        assertTrue(NameRange.all().toFilter().isEmpty());
    }

    @Test
    void boundedRangeBecomesGteLtFilter() {
        NameRange range = new NameRange(Optional.of("CN=a"), Optional.of("CN=m"));
        assertEquals("{\"$gte\": \"CN=a\", \"$lt\": \"CN=m\"}", range.toFilter().orElseThrow().toJson());
    }

    @Test
    void firstSplitIsolatesTheCnPrefix() {
        List<NameRange> parts = NameRange.all().split();
        assertEquals(3, parts.size());
        assertEquals(new NameRange(Optional.of("CN="), Optional.of("CN>")), parts.get(1));
    }

    @Test
    void repeatedSplittingKeepsEveryNameInExactlyOneRange() {
        List<String> names = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            names.add("CN=" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + (i % 3 == 0 ? "-x" : ""));
        }
        names.add("CN=");
        names.add("alice");
        names.add("CN=\u00e9l\u00e8ve");
        List<NameRange> ranges = List.of(NameRange.all());
        for (int round = 0; round < 6; round++) {
            List<NameRange> next = new ArrayList<>();
            ranges.forEach(r -> next.addAll(r.split()));
            ranges = next;
        }
        for (String name : names) {
            long holders = ranges.stream().filter(r -> contains(r, name)).count();
            assertEquals(1, holders, name);
        }
    }

    @Test
    void midpointLiesStrictlyBetween() {
        String middle = NameRange.midpoint("CN=a", "CN=b").orElseThrow();
        assertTrue(middle.compareTo("CN=a") > 0 && middle.compareTo("CN=b") < 0, middle);
        String adjacent = NameRange.midpoint("CN=a", "CN=a ").orElseThrow();
        assertTrue(adjacent.compareTo("CN=a") > 0 && adjacent.compareTo("CN=a ") < 0, adjacent);
    }

    private static boolean contains(NameRange range, String name) {
        return range.from().map(f -> name.compareTo(f) >= 0).orElse(true)
                && range.to().map(t -> name.compareTo(t) < 0).orElse(true);
    }
}
