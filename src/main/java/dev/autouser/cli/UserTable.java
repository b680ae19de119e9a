package dev.autouser.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.autouser.core.provisioning.AutoUser;
import dev.autouser.core.provisioning.RoleRef;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/** Renders auto-users as an aligned text table, CSV (RFC 4180) or JSON. */
final class UserTable {
    private static final List<String> HEADERS =
            List.of("MONGODB USER", "TELEPORT USER", "CLUSTER", "STATE", "ROLES", "CONNECTIONS", "CLIENTS", "APPS");
    /** The writer is the command's: closing the generator must not close it. */
    private static final JsonFactory JSON = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private UserTable() {
    }

    /** An aligned text table: one pass for the column widths, one to print, so no rows are kept. */
    static void table(List<AutoUser> users, PrintWriter out) {
        int[] widths = new int[HEADERS.size()];
        widen(widths, HEADERS);
        users.forEach(u -> widen(widths, cells(u)));
        printRow(out, widths, HEADERS);
        users.forEach(u -> printRow(out, widths, cells(u)));
    }

    private static void widen(int[] widths, List<String> row) {
        for (int i = 0; i < row.size(); i++) {
            widths[i] = Math.max(widths[i], row.get(i).length());
        }
    }

    private static void printRow(PrintWriter out, int[] widths, List<String> row) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
            line.append(row.get(i));
            if (i < row.size() - 1) {
                line.append(" ".repeat(widths[i] - row.get(i).length() + 2));
            }
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    static void csv(List<AutoUser> users, PrintWriter out) {
        out.append(String.join(",", List.of("mongo_user", "teleport_user", "cluster", "state", "roles",
                "connections", "clients", "apps"))).append("\r\n");
        for (AutoUser user : users) {
            out.append(String.join(",", cells(user).stream().map(UserTable::csvField).toList())).append("\r\n");
        }
    }

    /**
     * Writes the users as an indented JSON array straight to {@code out}, one user at a time: at
     * 100,000 users a tree of nodes plus its text would hold every user twice more in memory. Only
     * Jackson's streaming core is touched, not the data binding (hundreds of classes at start-up).
     */
    static void json(List<AutoUser> users, Writer out) {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartArray();
            for (AutoUser user : users) {
                json.writeStartObject();
                json.writeStringField("mongoUser", user.mongoName());
                json.writeStringField("teleportName", user.teleportName());
                json.writeStringField("teleportUser", user.teleportUser());
                if (user.leafCluster().isPresent()) {
                    json.writeStringField("cluster", user.leafCluster().get());
                }
                json.writeStringField("state", user.state().name().toLowerCase(Locale.ROOT));
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
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stringArray(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private static List<String> cells(AutoUser user) {
        return List.of(user.mongoName(), user.teleportUser(), user.leafCluster().orElse(""),
                user.state().name().toLowerCase(Locale.ROOT),
                String.join(" ", user.roles().stream().map(RoleRef::toString).toList()),
                String.valueOf(user.connectionCount()), String.join(" ", user.clientAddresses()),
                String.join(" ", user.appNames()));
    }

    private static String csvField(String value) {
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
