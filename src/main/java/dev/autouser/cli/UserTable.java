package dev.autouser.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autouser.core.provisioning.AutoUser;
import dev.autouser.core.provisioning.RoleRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders auto-users as an aligned text table, CSV (RFC 4180) or JSON. */
final class UserTable {
    private static final List<String> HEADERS =
            List.of("MONGODB USER", "TELEPORT USER", "CLUSTER", "STATE", "ROLES", "CONNECTIONS", "CLIENTS", "APPS");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private UserTable() {
    }

    static String table(List<AutoUser> users) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADERS);
        users.forEach(u -> rows.add(cells(u)));
        int[] widths = new int[HEADERS.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(String.format("%-" + widths[i] + "s", row.get(i)));
                if (i < row.size() - 1) {
                    line.append("  ");
                }
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    static String csv(List<AutoUser> users) {
        StringBuilder text = new StringBuilder();
        text.append(String.join(",", List.of("mongo_user", "teleport_user", "cluster", "state", "roles",
                "connections", "clients", "apps"))).append("\r\n");
        for (AutoUser user : users) {
            text.append(String.join(",", cells(user).stream().map(UserTable::csvField).toList())).append("\r\n");
        }
        return text.toString();
    }

    static String json(List<AutoUser> users) {
        ArrayNode array = JSON.createArrayNode();
        for (AutoUser user : users) {
            ObjectNode node = array.addObject();
            node.put("mongoUser", user.mongoName());
            node.put("teleportName", user.teleportName());
            node.put("teleportUser", user.teleportUser());
            user.leafCluster().ifPresent(c -> node.put("cluster", c));
            node.put("state", user.state().name().toLowerCase(Locale.ROOT));
            node.put("locked", user.locked());
            ArrayNode roles = node.putArray("roles");
            user.roles().forEach(r -> roles.addObject().put("role", r.role()).put("db", r.db()));
            node.put("connections", user.connectionCount());
            ArrayNode clients = node.putArray("clients");
            user.clientAddresses().forEach(clients::add);
            ArrayNode apps = node.putArray("apps");
            user.appNames().forEach(apps::add);
        }
        try {
            return JSON.writeValueAsString(array) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
