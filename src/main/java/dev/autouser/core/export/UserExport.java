package dev.autouser.core.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.autouser.core.history.Activity;
import dev.autouser.core.history.TeleportIdentity;
import dev.autouser.core.history.UserEvidence;
import dev.autouser.core.engine.Engine;
import dev.autouser.core.provisioning.AutoUser;
import dev.autouser.core.provisioning.OwnedObjects;
import dev.autouser.core.provisioning.RoleRef;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one export format of auto-users, for {@code list --csv/--json} and the console's Export. Only
 * what the listing shows: no credentials exist to leak. Names, client addresses and {@code appName}s
 * are chosen by connected users, so CSV cells that a spreadsheet would run as a formula are
 * neutralised and control characters are escaped visibly; JSON escapes them as {@code \u001b}.
 *
 * <p>CSV (RFC 4180, CRLF) columns: {@value #CSV_HEADER} for MongoDB (unchanged, for the scripts that read
 * it); {@value #CSV_HEADER_POSTGRESQL} for PostgreSQL (owned objects as {@code db:count} separated by
 * spaces, {@code (server)} for the server's own). JSON: an array of
 * objects with {@code user} (the database user: {@code CN=alice}, {@code alice}), {@code engine}
 * ({@code mongodb}, {@code postgresql}), {@code mongoUser} (MongoDB rows only, the same as {@code user},
 * kept for compatibility), {@code teleportUser}, {@code rootCluster} (null for a local user),
 * {@code state}, {@code locked}, {@code roles} ({@code [{role, db}]}), {@code connections},
 * {@code clients}, {@code apps}, {@code nodes}, {@code ownedObjects} ({@code [{database, count}]},
 * database empty for the server's own objects), {@code validUntil}, {@code teleportIdentity} (who used it as the
 * latest imported Teleport audit event told it: {@code {teleportUser, teleportRoles, databaseRoles, at}}, or null),
 * and the usage history's evidence:
 * {@code lastActive}, {@code lastActiveSource} ({@code observed}, {@code Teleport audit},
 * {@code server log}), {@code lockedSince}, {@code firstSeen} (ISO-8601 UTC instants; null, or an empty
 * CSV cell, when not known).
 */
public final class UserExport {
    /** The two formats, chosen by the file's extension or the CLI option. */
    public enum Format {
        CSV("csv"), JSON("json");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    public static final String CSV_HEADER = "mongo_user,teleport_user,root_cluster,state,roles,connections,clients,apps,"
            + "last_active,last_active_source,locked_since,first_seen";
    /**
     * A PostgreSQL export's columns: the first is the role ({@code user}), then MongoDB's, then what only
     * PostgreSQL has. MongoDB's CSV stays exactly {@link #CSV_HEADER}, for the scripts that read it.
     */
    public static final String CSV_HEADER_POSTGRESQL = "user" + CSV_HEADER.substring(CSV_HEADER.indexOf(','))
            + ",engine,owned_objects,valid_until";
    /**
     * Jackson's streaming core only: the data binding costs a command-line run hundreds of classes,
     * and a tree of 100,000 users plus its text would hold every user twice more. The writer is the
     * caller's: closing the generator leaves it open.
     */
    private static final JsonFactory JSON = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .setCharacterEscapes(new UnsafeCharacterEscapes());

    /** A JSON generator that escapes every unsafe character (every JSON the console exports uses it). */
    static JsonGenerator safeJson(Writer out) throws IOException {
        return JSON.createGenerator(out);
    }

    private UserExport() {
    }

    public static String render(Format format, List<AutoUser> users) {
        return render(format, users, Map.of());
    }

    public static String render(Format format, List<AutoUser> users, Map<String, UserEvidence> evidence) {
        StringWriter text = new StringWriter();
        write(format, users, evidence, text);
        return text.toString();
    }

    public static String csv(List<AutoUser> users) {
        return render(Format.CSV, users);
    }

    public static String json(List<AutoUser> users) {
        return render(Format.JSON, users);
    }

    /** Writes the users to {@code out} one at a time (nothing is built in memory first). */
    public static void write(Format format, List<AutoUser> users, Writer out) {
        write(format, users, Map.of(), out);
    }

    /** MongoDB users with each one's evidence from the usage history (by database user name). */
    public static void write(Format format, List<AutoUser> users, Map<String, UserEvidence> evidence, Writer out) {
        write(format, Engine.MONGODB, users, evidence, out);
    }

    /** Users of {@code engine} with each one's evidence from the usage history (by database user name). */
    public static String render(Format format, Engine engine, List<AutoUser> users, Map<String, UserEvidence> evidence) {
        StringWriter text = new StringWriter();
        write(format, engine, users, evidence, text);
        return text.toString();
    }

    /** Users of {@code engine} with each one's evidence from the usage history (by database user name). */
    public static void write(Format format, Engine engine, List<AutoUser> users, Map<String, UserEvidence> evidence,
                             Writer out) {
        try {
            if (format == Format.CSV) {
                writeCsv(engine, users, evidence, out);
            } else {
                writeJson(engine, users, evidence, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the users as " + format.extension().toUpperCase(Locale.ROOT), e);
        }
    }

    private static void writeCsv(Engine engine, List<AutoUser> users, Map<String, UserEvidence> evidence, Writer out)
            throws IOException {
        boolean mongo = engine == Engine.MONGODB;
        out.append(mongo ? CSV_HEADER : CSV_HEADER_POSTGRESQL).append("\r\n");
        for (AutoUser user : users) {
            List<String> row = new java.util.ArrayList<>(cells(user));
            row.addAll(evidenceCells(evidence.get(user.mongoName())));
            if (!mongo) {
                row.add(word(engine));
                row.add(user.ownedObjects().stream().map(o -> (o.database().isEmpty() ? "(server)" : o.database())
                        + ":" + o.count()).collect(Collectors.joining(" ")));
                row.add(user.validUntil().map(Object::toString).orElse(""));
            }
            out.append(row.stream().map(UserExport::csvField).collect(Collectors.joining(","))).append("\r\n");
        }
    }

    /** An indented array, as Jackson's default pretty printer writes it. */
    private static void writeJson(Engine engine, List<AutoUser> users, Map<String, UserEvidence> evidence, Writer out)
            throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartArray();
            for (AutoUser user : users) {
                json.writeStartObject();
                json.writeStringField("user", user.name());
                json.writeStringField("engine", word(engine));
                if (engine == Engine.MONGODB) {
                    // kept for consumers of the MongoDB-only export, which named the user so
                    json.writeStringField("mongoUser", user.mongoName());
                }
                json.writeStringField("teleportUser", user.teleportUser());
                json.writeFieldName("rootCluster");
                if (user.rootCluster().isPresent()) {
                    json.writeString(user.rootCluster().get());
                } else {
                    json.writeNull();
                }
                json.writeStringField("state", state(user));
                json.writeBooleanField("locked", user.locked());
                json.writeArrayFieldStart("roles");
                for (RoleRef role : user.roles()) {
                    json.writeStartObject();
                    json.writeStringField("role", role.role());
                    json.writeStringField("db", role.db());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeNumberField("connections", user.connectionCount());
                stringArray(json, "clients", user.clientAddresses());
                stringArray(json, "apps", user.appNames());
                stringArray(json, "nodes", user.sessionNodes());
                json.writeArrayFieldStart("ownedObjects");
                for (OwnedObjects owned : user.ownedObjects()) {
                    json.writeStartObject();
                    json.writeStringField("database", owned.database());
                    json.writeNumberField("count", owned.count());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeFieldName("validUntil");
                if (user.validUntil().isPresent()) {
                    json.writeString(user.validUntil().get().toString());
                } else {
                    json.writeNull();
                }
                UserEvidence userEvidence = evidence.get(user.mongoName());
                teleportIdentity(json, userEvidence == null ? Optional.empty() : userEvidence.teleportIdentity());
                List<String> known = evidenceCells(userEvidence);
                List<String> fields = List.of("lastActive", "lastActiveSource", "lockedSince", "firstSeen");
                for (int i = 0; i < fields.size(); i++) {
                    json.writeFieldName(fields.get(i));
                    if (known.get(i).isEmpty()) {
                        json.writeNull();
                    } else {
                        json.writeString(known.get(i));
                    }
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeRaw('\n');
        }
    }

    /** Who used it as the latest imported Teleport audit event told it; null when no import told it. */
    private static void teleportIdentity(JsonGenerator json, Optional<TeleportIdentity> identity) throws IOException {
        json.writeFieldName("teleportIdentity");
        if (identity.isEmpty()) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeStringField("teleportUser", identity.get().teleportUser());
        stringArray(json, "teleportRoles", identity.get().teleportRoles());
        stringArray(json, "databaseRoles", identity.get().databaseRoles());
        json.writeStringField("at", identity.get().at().toString());
        json.writeEndObject();
    }

    private static void stringArray(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    /** The CSV cells of one user, in {@link #CSV_HEADER} order, before quoting. */
    public static List<String> cells(AutoUser user) {
        return List.of(user.mongoName(), user.teleportUser(), user.rootCluster().orElse(""), state(user),
                user.roles().stream().map(RoleRef::toString).collect(Collectors.joining(" ")),
                String.valueOf(user.connectionCount()), String.join(" ", user.clientAddresses()),
                String.join(" ", user.appNames()));
    }

    /** last_active, last_active_source, locked_since, first_seen: instants in ISO-8601 UTC, empty when not known. */
    public static List<String> evidenceCells(UserEvidence evidence) {
        if (evidence == null) {
            return List.of("", "", "", "");
        }
        Optional<Activity> last = evidence.latestActivity();
        return List.of(last.map(a -> a.at().toString()).orElse(""), last.map(a -> a.source().label()).orElse(""),
                evidence.lockedSince().map(Object::toString).orElse(""),
                evidence.firstSeen().map(Object::toString).orElse(""));
    }

    /** {@code mongodb}, {@code postgresql}: the engine as the export names it. */
    private static String word(Engine engine) {
        return engine.name().toLowerCase(Locale.ROOT);
    }

    private static String state(AutoUser user) {
        return user.state().word();
    }

    /**
     * One CSV cell: control characters escaped visibly, a leading {@code = + - @} (which spreadsheets
     * run as a formula, e.g. {@code =HYPERLINK(...)}) defused with a leading apostrophe, then RFC 4180 quoting.
     * Every CSV the console writes (users, audit) uses it.
     */
    public static String csvField(String value) {
        String text = UntrustedText.visible(value);
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    /** JSON keeps the exact text but writes every unsafe character as a {@code \\uXXXX} escape. */
    private static final class UnsafeCharacterEscapes extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        UnsafeCharacterEscapes() {
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return UntrustedText.isUnsafe((char) ch) ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }
}
