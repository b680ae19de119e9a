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
            throw MongoErrors.wrongType(command, "authenticationRestrictions", value, " 'array'");
        }
        List<AuthenticationRestriction> restrictions = new ArrayList<>(list.size());
        for (Object element : list) {
            restrictions.add(parse(element));
        }
        return restrictions;
    }

    private static AuthenticationRestriction parse(Object value) {
        if (!(value instanceof Map<?, ?> doc)) {
            throw MongoErrors.typeMismatch("Each authenticationRestrictions entry must be an object, found: "
                    + BsonText.typeName(value));
        }
        for (Object key : doc.keySet()) {
            if (!"clientSource".equals(key) && !"serverAddress".equals(key)) {
                throw MongoErrors.unknownField("address_restriction", String.valueOf(key));
            }
        }
        return new AuthenticationRestriction(ranges(doc.get("clientSource")), ranges(doc.get("serverAddress")));
    }

    /** A single string or an array of strings, each an IP address or CIDR range. */
    private static List<Cidr> ranges(Object value) {
        if (value == null) {
            return List.of();
        }
        List<?> items = value instanceof String text ? List.of(text) : value instanceof List<?> list ? list : null;
        if (items == null) {
            throw MongoErrors.typeMismatch("clientSource and serverAddress must be a string or an array of strings");
        }
        List<Cidr> ranges = new ArrayList<>(items.size());
        for (Object item : items) {
            if (!(item instanceof String text)) {
                throw MongoErrors.typeMismatch("CIDR ranges must be strings, found: " + BsonText.typeName(item));
            }
            try {
                ranges.add(Cidr.parse(text));
            } catch (IllegalArgumentException e) {
                throw MongoErrors.badValue(e.getMessage());
            }
        }
        return ranges;
    }
}
