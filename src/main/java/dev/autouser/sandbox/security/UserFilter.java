package dev.autouser.sandbox.security;

import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A {@code usersInfo} filter as a predicate. The filters the console sends (equality on a dotted
 * path such as {@code customData.teleport-auto-user}, ranges on {@code user}) are compiled into
 * direct comparisons so that 100,000 users are filtered in milliseconds; anything else (arrays on
 * the path, {@code $or}, {@code $in}, regular expressions, ...) falls back to the server library's
 * full query matcher, so every filter keeps MongoDB's semantics.
 */
final class UserFilter {

    private static final Set<String> COMPARISONS = Set.of("$eq", "$gt", "$gte", "$lt", "$lte");

    private UserFilter() {
    }

    /** One compiled condition: true, false, or null when an array on the path needs the full matcher. */
    private interface Part {
        Boolean test(Document doc);
    }

    static Predicate<Document> of(Document filter) {
        DefaultQueryMatcher matcher = new DefaultQueryMatcher();
        Optional<List<Part>> compiled = compile(filter);
        if (compiled.isEmpty()) {
            return doc -> matcher.matches(doc, filter);
        }
        List<Part> parts = compiled.get();
        return doc -> {
            for (Part part : parts) {
                Boolean result = part.test(doc);
                if (result == null) {
                    return matcher.matches(doc, filter);
                }
                if (!result) {
                    return false;
                }
            }
            return true;
        };
    }

    private static Optional<List<Part>> compile(Document filter) {
        List<Part> parts = new ArrayList<>();
        for (Map.Entry<String, Object> condition : filter.entrySet()) {
            String path = condition.getKey();
            if (path.startsWith("$") || path.isEmpty()) {
                return Optional.empty();
            }
            Optional<Predicate<Object>> test = valueTest(condition.getValue());
            if (test.isEmpty()) {
                return Optional.empty();
            }
            String[] steps = path.split("\\.", -1);
            Predicate<Object> valueTest = test.get();
            parts.add(doc -> {
                Object actual = resolve(doc, steps);
                return actual == Fallback.ARRAY ? null : valueTest.test(actual);
            });
        }
        return Optional.of(parts);
    }

    /** Equality with a scalar, or a document of comparison operators with scalar operands. */
    private static Optional<Predicate<Object>> valueTest(Object expected) {
        if (isScalar(expected)) {
            return Optional.of(actual -> compare(actual, expected) == 0);
        }
        if (!(expected instanceof Document operators) || operators.isEmpty()) {
            return Optional.empty();
        }
        List<Predicate<Object>> tests = new ArrayList<>();
        for (Map.Entry<String, Object> operator : operators.entrySet()) {
            if (!COMPARISONS.contains(operator.getKey()) || !isScalar(operator.getValue())) {
                return Optional.empty();
            }
            tests.add(comparison(operator.getKey(), operator.getValue()));
        }
        return Optional.of(actual -> tests.stream().allMatch(t -> t.test(actual)));
    }

    private static Predicate<Object> comparison(String operator, Object operand) {
        return actual -> {
            Integer order = compareOrNull(actual, operand);
            if (order == null) {
                return false;
            }
            return switch (operator) {
                case "$eq" -> order == 0;
                case "$gt" -> order > 0;
                case "$gte" -> order >= 0;
                case "$lt" -> order < 0;
                default -> order <= 0;
            };
        };
    }

    /** Marker for "an array was on the path": MongoDB's array semantics then need the full matcher. */
    private enum Fallback { ARRAY }

    private static Object resolve(Document doc, String[] steps) {
        Object current = doc;
        for (String step : steps) {
            if (current instanceof List) {
                return Fallback.ARRAY;
            }
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return current instanceof List ? Fallback.ARRAY : current;
    }

    private static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Boolean || value instanceof Number;
    }

    private static int compare(Object actual, Object expected) {
        Integer order = compareOrNull(actual, expected);
        return order == null ? 1 : order;
    }

    /** MongoDB orders strings by their UTF-8 bytes, which is code point order (not UTF-16 order). */
    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return ca < cb ? -1 : 1;
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.signum(Integer.compare(a.length() - i, b.length() - j));
    }

    /** MongoDB compares only within a type bracket: numbers with numbers, strings with strings. */
    private static Integer compareOrNull(Object actual, Object expected) {
        if (actual instanceof Number a && expected instanceof Number b) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        if (actual instanceof String a && expected instanceof String b) {
            return compareCodePoints(a, b);
        }
        if (actual instanceof Boolean a && expected instanceof Boolean b) {
            return Boolean.compare(a, b);
        }
        return null;
    }
}
