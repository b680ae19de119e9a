package dev.autouser.sandbox.security;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parsing of the arguments the user-management commands share, with MongoDB's argument forms:
 * a role is {@code "name"} (in the command's database) or {@code {role, db}}; a user is
 * {@code "name"} or {@code {user, db}}; {@code usersInfo}/{@code rolesInfo} also take {@code 1}
 * and arrays, and {@code usersInfo} takes {@code {forAllDBs: true}}.
 */
final class UmcArgs {

    /** Fields every command may carry besides its own (driver and server plumbing). */
    private static final Set<String> GENERIC_FIELDS = Set.of("lsid", "txnNumber", "autocommit",
            "startTransaction", "writeConcern", "readConcern", "comment", "maxTimeMS", "apiVersion", "apiStrict",
            "apiDeprecationErrors", "mayBypassWriteBlocking");

    private UmcArgs() {
    }

    /** What {@code usersInfo}/{@code rolesInfo} asked for. */
    sealed interface Target<T> {
    }

    record AllOnDatabase<T>() implements Target<T> {
    }

    record AllDatabases<T>() implements Target<T> {
    }

    record Exact<T>(List<T> names) implements Target<T> {
        Exact {
            names = List.copyOf(names);
        }
    }

    /** Refuses fields outside {@code allowed} as MongoDB's strict command parser does. */
    static void requireKnownFields(String command, Document body, Set<String> allowed) {
        boolean first = true;
        for (String field : body.keySet()) {
            if (first) {
                first = false;
                continue;
            }
            if (!allowed.contains(field) && !field.startsWith("$") && !GENERIC_FIELDS.contains(field)) {
                throw ServerErrors.unknownField(command, field);
            }
        }
    }

    /** The command's name as the client spelled it (its first field), or {@code fallback}. */
    static String commandName(Document body, String fallback) {
        if (body.isEmpty()) {
            return fallback;
        }
        String first = body.keySet().iterator().next();
        return first.equalsIgnoreCase(fallback) ? first : fallback;
    }

    /** The command's own value as a non-empty user/role name. */
    static String nameArgument(String command, Document body) {
        Object value = body.get(commandName(body, command));
        if (!(value instanceof String name)) {
            throw ServerErrors.wrongType(command, command, value, " 'string'");
        }
        return name;
    }

    static List<RoleId> roles(String command, String field, Object value, String db) {
        if (!(value instanceof List<?> list)) {
            throw ServerErrors.wrongType(command, field, value, " 'array'");
        }
        Set<RoleId> roles = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            roles.add(role(command, field + "." + i, list.get(i), db));
        }
        return new ArrayList<>(roles);
    }

    static RoleId role(String command, String field, Object value, String db) {
        if (value instanceof String name) {
            return new RoleId(requireNonEmpty(name, "Role"), db);
        }
        if (value instanceof Map<?, ?> doc) {
            return new RoleId(requireNonEmpty(stringField(command, field, doc, "role"), "Role"),
                    requireNonEmpty(stringField(command, field, doc, "db"), "Database"));
        }
        throw ServerErrors.typeMismatch("Role names must be either strings or objects");
    }

    static UserId user(String command, String field, Object value, String db) {
        if (value instanceof String name) {
            return new UserId(requireNonEmpty(name, "User"), db);
        }
        if (value instanceof Map<?, ?> doc) {
            return new UserId(requireNonEmpty(stringField(command, field, doc, "user"), "User"),
                    requireNonEmpty(stringField(command, field, doc, "db"), "Database"));
        }
        throw ServerErrors.badValue("User name must be either a string or an object");
    }

    static Target<UserId> usersInfoTarget(Object value, String db) {
        if (value instanceof Map<?, ?> doc && doc.containsKey("forAllDBs")) {
            if (!Boolean.TRUE.equals(doc.get("forAllDBs")) || doc.size() != 1) {
                throw ServerErrors.badValue("Invalid usersInfo parameter: forAllDBs must be true");
            }
            return new AllDatabases<>();
        }
        if (value instanceof Number number) {
            return allOnDatabase("usersInfo", number);
        }
        List<UserId> users = new ArrayList<>();
        for (Object element : elements(value)) {
            users.add(user("usersInfo", "usersInfo", element, db));
        }
        return new Exact<>(users);
    }

    static Target<RoleId> rolesInfoTarget(Object value, String db) {
        if (value instanceof Number number) {
            return allOnDatabase("rolesInfo", number);
        }
        List<RoleId> roles = new ArrayList<>();
        for (Object element : elements(value)) {
            roles.add(role("rolesInfo", "rolesInfo", element, db));
        }
        return new Exact<>(roles);
    }

    /** A boolean option; absent means {@code defaultValue}; numbers count as MongoDB's safeBool does. */
    static boolean flag(Document body, String field, boolean defaultValue) {
        Object value = body.get(field);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof Number number) {
            return number.doubleValue() != 0;
        }
        throw ServerErrors.typeMismatch("Field '" + field + "' should be a boolean value, but found: "
                + BsonText.typeName(value));
    }

    private static <T> Target<T> allOnDatabase(String command, Number number) {
        if (number.doubleValue() != 1) {
            throw ServerErrors.badValue(command + " must be 1, a string, a document, or an array");
        }
        return new AllOnDatabase<>();
    }

    private static List<?> elements(Object value) {
        if (value instanceof List<?> list) {
            return list;
        }
        if (value instanceof String || value instanceof Map) {
            return List.of(value);
        }
        throw ServerErrors.badValue("Invalid argument: expected a string, a document, an array or 1");
    }

    private static String stringField(String command, String path, Map<?, ?> doc, String key) {
        Object value = doc.get(key);
        if (value == null) {
            throw ServerErrors.missingField(command, path + "." + key);
        }
        if (!(value instanceof String text)) {
            throw ServerErrors.wrongType(command, path + "." + key, value, " 'string'");
        }
        return text;
    }

    private static String requireNonEmpty(String name, String what) {
        if (name.isEmpty()) {
            throw ServerErrors.badValue(what + " name must be non-empty");
        }
        return name;
    }
}
