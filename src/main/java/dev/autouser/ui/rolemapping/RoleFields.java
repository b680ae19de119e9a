package dev.autouser.ui.rolemapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Text forms of the editor's fields: comma lists and {@code key: value, value} label lines. */
final class RoleFields {
    private RoleFields() {
    }

    static String commaList(List<String> values) {
        return String.join(", ", values);
    }

    static List<String> parseCommaList(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static String labelLines(Map<String, List<String>> labels) {
        StringBuilder text = new StringBuilder();
        labels.forEach((key, values) -> text.append(key).append(": ").append(String.join(", ", values)).append('\n'));
        return text.toString();
    }

    static Map<String, List<String>> parseLabelLines(String text) {
        Map<String, List<String>> labels = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("A db_labels line needs key: value, e.g. env: prod (got \"" + line.trim() + "\").");
            }
            labels.computeIfAbsent(line.substring(0, colon).trim(), k -> new ArrayList<>()).addAll(parseCommaList(line.substring(colon + 1)));
        }
        return labels;
    }

    /** Why {@link #parseLabelLines} refuses {@code text}, if it does. */
    static Optional<String> labelLinesProblem(String text) {
        try {
            parseLabelLines(text == null ? "" : text);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Sample traits, one {@code name=value} per line. */
    static Map<String, List<String>> parseTraits(String text) {
        Map<String, List<String>> traits = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("A sample trait needs name=value, e.g. db_roles=readWrite@db1 (got \"" + line.trim() + "\").");
            }
            traits.computeIfAbsent(line.substring(0, eq).trim(), k -> new ArrayList<>()).add(line.substring(eq + 1).trim());
        }
        return traits;
    }
}
