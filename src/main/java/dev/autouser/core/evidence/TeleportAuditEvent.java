package dev.autouser.core.evidence;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One Teleport audit event about a database session or an auto-provisioned database user, with the
 * fields this console uses. Names as Teleport writes them (api/proto/teleport/legacy/types/events/events.proto,
 * lib/events/api.go, lib/events/codes.go, lib/srv/db/common/audit.go): {@code event}, {@code code},
 * {@code time}, {@code user}, {@code user_roles}, {@code sid}, {@code db_service}, {@code db_protocol},
 * {@code db_user}, {@code db_roles}, {@code success}, {@code error}, {@code username}, {@code delete}.
 *
 * @param databaseUser the database user name: {@code username} on the user events, else {@code db_user}
 * @param deleted      for {@code db.session.user.deactivate}: the user was dropped rather than locked
 */
public record TeleportAuditEvent(Kind kind, String code, Instant time, String teleportUser, List<String> teleportRoles,
                                 String sessionId, String databaseService, String protocol, String databaseUser,
                                 List<String> databaseRoles, boolean success, String error, boolean deleted) {
    /** The event types this console reads; everything else in an audit log is foreign to it. */
    public enum Kind {
        SESSION_START("db.session.start"),
        SESSION_END("db.session.end"),
        USER_CREATE("db.session.user.create"),
        USER_DEACTIVATE("db.session.user.deactivate");

        private final String type;

        Kind(String type) {
            this.type = type;
        }

        public String type() {
            return type;
        }

        static Optional<Kind> of(String type) {
            for (Kind kind : values()) {
                if (kind.type.equals(type)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    public TeleportAuditEvent {
        teleportRoles = List.copyOf(teleportRoles);
        databaseRoles = List.copyOf(databaseRoles);
    }

    /** Why a JSON value that names one of our event types cannot be used. */
    public static final class Unusable extends Exception {
        Unusable(String message) {
            super(message, null, false, false);
        }
    }

    /** The event type of a JSON object, or empty when it is not one this console reads. */
    static Optional<Kind> kindOf(JsonNode node) {
        JsonNode type = node.get("event");
        return type != null && type.isTextual() ? Kind.of(type.asText()) : Optional.empty();
    }

    static TeleportAuditEvent from(Kind kind, JsonNode node) throws Unusable {
        Instant time = time(node.get("time"));
        boolean userEvent = kind == Kind.USER_CREATE || kind == Kind.USER_DEACTIVATE;
        String databaseUser = text(node, userEvent && node.hasNonNull("username") ? "username" : "db_user");
        if (databaseUser.isEmpty()) {
            throw new Unusable(kind.type() + " without a database user (db_user" + (userEvent ? "/username" : "") + ")");
        }
        // db.session.end carries no status: a session that ended is a fact, not an attempt.
        boolean success = !node.has("success") || node.get("success").asBoolean(false);
        String code = text(node, "code");
        if (code.endsWith("W") || code.endsWith("E")) {
            success = false; // TDB00W, TDB08W, TDB09W are the failure codes of the same event types
        }
        return new TeleportAuditEvent(kind, code, time, text(node, "user"), strings(node.get("user_roles")),
                text(node, "sid"), text(node, "db_service"), text(node, "db_protocol"), databaseUser,
                strings(node.get(kind == Kind.USER_CREATE && node.has("roles") ? "roles" : "db_roles")),
                success, text(node, "error"), node.path("delete").asBoolean(false));
    }

    private static Instant time(JsonNode value) throws Unusable {
        if (value == null || !value.isTextual()) {
            throw new Unusable("no \"time\"");
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new Unusable("a \"time\" that is not an RFC 3339 time: " + value.asText());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : "";
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(item -> values.add(item.asText()));
        }
        return values;
    }
}
