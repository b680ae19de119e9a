package dev.autouser.core.provisioning;

import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One page of the tagged usersInfo listing: a name range, optionally narrowed to names whose last
 * character falls in one class. Splitting the whole name space by last character first spreads
 * users evenly whatever prefix they share ({@code CN=user000001} ... would otherwise take dozens of
 * halvings of the range to separate); further splits halve the name range.
 */
public record UserPage(NameRange range, Optional<String> lastCharacterClass) {
    /** Printable ASCII split by code point modulo this; one more class takes every other character. */
    private static final int CLASSES = 8;

    public static UserPage all() {
        return new UserPage(NameRange.all(), Optional.empty());
    }

    public static UserPage of(NameRange range) {
        return new UserPage(range, Optional.empty());
    }

    /** The condition on {@code user}, or empty for every name. */
    public Optional<Document> toFilter() {
        Document bounds = range.toFilter().orElseGet(Document::new);
        lastCharacterClass.ifPresent(regex -> bounds.append("$regex", regex));
        return bounds.isEmpty() ? Optional.empty() : Optional.of(bounds);
    }

    /** Smaller pages covering exactly the same names, or empty when none can be made. */
    public List<UserPage> split() {
        List<UserPage> parts = new ArrayList<>();
        if (lastCharacterClass.isEmpty() && range.equals(NameRange.all())) {
            for (String regex : characterClasses()) {
                parts.add(new UserPage(range, Optional.of(regex)));
            }
            return parts;
        }
        for (NameRange half : range.split()) {
            parts.add(new UserPage(half, lastCharacterClass));
        }
        return parts;
    }

    /** Regular expressions on the last character that together match every non-empty name once. */
    static List<String> characterClasses() {
        List<String> classes = new ArrayList<>();
        for (int k = 0; k < CLASSES; k++) {
            StringBuilder members = new StringBuilder();
            for (int c = 0x20; c <= 0x7E; c++) {
                if (c % CLASSES == k) {
                    members.append(String.format("\\x%02x", c));
                }
            }
            classes.add("[" + members + "]\\z");
        }
        classes.add("[^\\x20-\\x7e]\\z");
        return classes;
    }
}
