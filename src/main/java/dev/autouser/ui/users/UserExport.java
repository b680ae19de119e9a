package dev.autouser.ui.users;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.autouser.core.provisioning.AutoUser;
import dev.autouser.core.provisioning.LiveSession;
import dev.autouser.core.provisioning.RoleRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** CSV and JSON of the users in view. Only what the table shows: no credentials exist to leak. */
public final class UserExport {
    /** The two formats, chosen by the file's extension. */
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

    static final List<String> COLUMNS = List.of("teleportUser", "mongoUser", "state", "leafCluster", "roles",
            "sessions", "clients", "apps");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private UserExport() {
    }

    public static String render(Format format, List<AutoUser> users) {
        return format == Format.CSV ? csv(users) : json(users);
    }

    public static String csv(List<AutoUser> users) {
        StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (AutoUser user : users) {
            out.append(values(user).values().stream().map(v -> quote(String.valueOf(v)))
                    .collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString();
    }

    public static String json(List<AutoUser> users) {
        List<Map<String, Object>> rows = users.stream().map(user -> {
            Map<String, Object> row = values(user);
            row.put("roles", user.roles().stream().map(RoleRef::toString).toList());
            row.put("sessions", user.sessions().stream().map(UserExport::session).toList());
            row.remove("clients");
            row.remove("apps");
            return row;
        }).toList();
        try {
            return JSON.writeValueAsString(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> values(AutoUser user) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("teleportUser", user.teleportName());
        row.put("mongoUser", user.mongoName());
        row.put("state", user.state().name());
        row.put("leafCluster", user.leafCluster().orElse(""));
        row.put("roles", user.roles().stream().map(RoleRef::toString).collect(Collectors.joining(" ")));
        row.put("sessions", user.connectionCount());
        row.put("clients", String.join(" ", user.clientAddresses()));
        row.put("apps", String.join(" ", user.appNames()));
        return row;
    }

    private static Map<String, Object> session(LiveSession session) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("connectionId", session.connectionId());
        out.put("client", session.clientAddress());
        out.put("app", session.appName());
        return out;
    }

    /** RFC 4180 quoting; a leading formula character is defused so spreadsheets show text. */
    static String quote(String value) {
        String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
