package dev.autouser.sandbox.security;

import de.bwaldvogel.mongo.bson.Document;
import java.util.Map;

/**
 * The range of user names a {@code usersInfo} filter allows through its top-level {@code user}
 * condition, used like MongoDB's index on {@code user} to scan only that part of a database's
 * users. The filter itself still runs on every scanned user, so the range may be wider than needed
 * but never narrower. Only ASCII bounds are used: for them Java's UTF-16 order and MongoDB's
 * byte order agree.
 */
record UserNameRange(String from, boolean fromInclusive, String to, boolean toInclusive) {

    static final UserNameRange ALL = new UserNameRange(null, true, null, true);

    static UserNameRange of(Document filter) {
        if (filter == null) {
            return ALL;
        }
        Object condition = filter.get("user");
        if (condition instanceof String name && usable(name)) {
            return new UserNameRange(name, true, name, true);
        }
        if (!(condition instanceof Map<?, ?> operators)) {
            return ALL;
        }
        UserNameRange range = ALL;
        for (Map.Entry<?, ?> operator : operators.entrySet()) {
            if (!(operator.getValue() instanceof String bound) || !usable(bound)) {
                continue;
            }
            range = switch (String.valueOf(operator.getKey())) {
                case "$eq" -> new UserNameRange(bound, true, bound, true);
                case "$gt" -> new UserNameRange(bound, false, range.to, range.toInclusive);
                case "$gte" -> new UserNameRange(bound, true, range.to, range.toInclusive);
                case "$lt" -> new UserNameRange(range.from, range.fromInclusive, bound, false);
                case "$lte" -> new UserNameRange(range.from, range.fromInclusive, bound, true);
                default -> range;
            };
        }
        return range;
    }

    /** Whether the range scan would select nothing at all. */
    boolean isEmpty() {
        if (from == null || to == null) {
            return false;
        }
        int order = from.compareTo(to);
        return order > 0 || (order == 0 && !(fromInclusive && toInclusive));
    }

    /** Non-empty ASCII bounds only (user names are never empty). */
    private static boolean usable(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c < 0x80);
    }
}
