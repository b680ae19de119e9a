package dev.autouser.sandbox.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Parses {@code authenticationRestrictions}: an array of {@code {clientSource, serverAddress}} documents. */
final class RestrictionParser {

    private RestrictionParser() {
    }

    static List<AuthenticationRestriction> parseAll(String command, Object value) {
        if (!(value instanceof List<?> list)) {
            throw ServerErrors.wrongType(command, "authenticationRestrictions", value, " 'array'");
        }
        List<AuthenticationRestriction> restrictions = new ArrayList<>(list.size());
        for (Object element : list) {
            restrictions.add(parse(element));
        }
        return restrictions;
    }

    private static AuthenticationRestriction parse(Object value) {
        if (!(value instanceof Map<?, ?> doc)) {
            throw ServerErrors.typeMismatch("'authenticationRestrictions' array sub-documents must be address"
                    + " restriction objects");
        }
        for (Object key : doc.keySet()) {
            if (!"clientSource".equals(key) && !"serverAddress".equals(key)) {
                throw ServerErrors.unknownField("address restriction", String.valueOf(key));
            }
        }
        if (doc.get("clientSource") == null && doc.get("serverAddress") == null) {
            throw new de.bwaldvogel.mongo.exception.MongoServerError(26, "CollectionIsEmpty",
                    "At least one of 'clientSource' or 'serverAddress' must be set");
        }
        return new AuthenticationRestriction(ranges("clientSource", doc.get("clientSource")),
                ranges("serverAddress", doc.get("serverAddress")));
    }

    /** An array of strings, each an IP address or CIDR range (MongoDB's parser takes nothing else). */
    private static List<Cidr> ranges(String field, Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            throw ServerErrors.wrongType("address restriction", field, value, " 'array'");
        }
        List<Cidr> ranges = new ArrayList<>(items.size());
        for (Object item : items) {
            if (!(item instanceof String text)) {
                throw ServerErrors.typeMismatch("CIDR ranges must be strings, found: " + BsonText.typeName(item));
            }
            try {
                ranges.add(Cidr.parse(text));
            } catch (IllegalArgumentException e) {
                throw ServerErrors.badValue(e.getMessage());
            }
        }
        return ranges;
    }
}
