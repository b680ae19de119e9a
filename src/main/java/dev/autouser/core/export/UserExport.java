package dev.autouser.core.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autouser.core.provisioning.AutoUser;
import dev.autouser.core.provisioning.RoleRef;

import java.util.List;
import java.util.Locale;
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
 * {@code apps}.
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

    public static final String CSV_HEADER = "mongo_user,teleport_user,root_cluster,state,roles,connections,clients,apps";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static {
        JSON.getFactory().setCharacterEscapes(new UnsafeCharacterEscapes());
    }

    private UserExport() {
    }

    public static String render(Format format, List<AutoUser> users) {
        return format == Format.CSV ? csv(users) : json(users);
    }

    public static String csv(List<AutoUser> users) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
        for (AutoUser user : users) {
            out.append(cells(user).stream().map(UserExport::csvField).collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString();
    }

    public static String json(List<AutoUser> users) {
        ArrayNode array = JSON.createArrayNode();
        for (AutoUser user : users) {
            ObjectNode node = array.addObject();
            node.put("mongoUser", user.mongoName());
            node.put("teleportUser", user.teleportUser());
            node.put("rootCluster", user.rootCluster().orElse(null));
            node.put("state", state(user));
            node.put("locked", user.locked());
            ArrayNode roles = node.putArray("roles");
            user.roles().forEach(r -> roles.addObject().put("role", r.role()).put("db", r.db()));
            node.put("connections", user.connectionCount());
            ArrayNode clients = node.putArray("clients");
            user.clientAddresses().forEach(clients::add);
            ArrayNode apps = node.putArray("apps");
            user.appNames().forEach(apps::add);
            ArrayNode nodes = node.putArray("nodes");
            user.sessionNodes().forEach(nodes::add);
        }
        try {
            return JSON.writeValueAsString(array) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the users as JSON", e);
        }
    }

    /** The CSV cells of one user, in {@link #CSV_HEADER} order, before quoting. */
    public static List<String> cells(AutoUser user) {
        return List.of(user.mongoName(), user.teleportUser(), user.rootCluster().orElse(""), state(user),
                user.roles().stream().map(RoleRef::toString).collect(Collectors.joining(" ")),
                String.valueOf(user.connectionCount()), String.join(" ", user.clientAddresses()),
                String.join(" ", user.appNames()));
    }

    private static String state(AutoUser user) {
        return user.state().name().toLowerCase(Locale.ROOT);
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
