package dev.autouser.core.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.autouser.core.history.Activity;
import dev.autouser.core.history.UserEvidence;
import dev.autouser.core.provisioning.AutoUser;
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
 * <p>CSV (RFC 4180, CRLF) columns: {@value #CSV_HEADER}. JSON: an array of objects with
 * {@code mongoUser}, {@code teleportUser}, {@code rootCluster} (null for a local user), {@code state},
 * {@code locked}, {@code roles} ({@code [{role, db}]}), {@code connections}, {@code clients},
 * {@code apps}, and the usage history's evidence: {@code lastActive}, {@code lastActiveSource}
 * ({@code observed}, {@code Teleport audit}, {@code server log}), {@code lockedSince}, {@code firstSeen}
 * (ISO-8601 UTC instants; null, or an empty CSV cell, when not known).
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
     * Jackson's streaming core only: the data binding costs a command-line run hundreds of classes,
     * and a tree of 100,000 users plus its text would hold every user twice more. The writer is the
     * caller's: closing the generator leaves it open.
     */
    private static final JsonFactory JSON = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .setCharacterEscapes(new UnsafeCharacterEscapes());

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

    /** The same with each user's evidence from the usage history (by database user name). */
    public static void write(Format format, List<AutoUser> users, Map<String, UserEvidence> evidence, Writer out) {
        try {
            if (format == Format.CSV) {
                writeCsv(users, evidence, out);
            } else {
                writeJson(users, evidence, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the users as " + format.extension().toUpperCase(Locale.ROOT), e);
        }
    }

    private static void writeCsv(List<AutoUser> users, Map<String, UserEvidence> evidence, Writer out)
            throws IOException {
        out.append(CSV_HEADER).append("\r\n");
        for (AutoUser user : users) {
            List<String> row = new java.util.ArrayList<>(cells(user));
            row.addAll(evidenceCells(evidence.get(user.mongoName())));
            out.append(row.stream().map(UserExport::csvField).collect(Collectors.joining(","))).append("\r\n");
        }
    }

    /** An indented array, as Jackson's default pretty printer writes it. */
    private static void writeJson(List<AutoUser> users, Map<String, UserEvidence> evidence, Writer out)
            throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartArray();
            for (AutoUser user : users) {
                json.writeStartObject();
                json.writeStringField("mongoUser", user.mongoName());
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
                List<String> known = evidenceCells(evidence.get(user.mongoName()));
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
