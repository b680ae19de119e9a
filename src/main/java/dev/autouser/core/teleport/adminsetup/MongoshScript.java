package dev.autouser.core.teleport.adminsetup;

import org.bson.Document;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Writes a {@link SetupPlan} as a mongosh script someone can copy, read and run. */
public final class MongoshScript {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private MongoshScript() {
    }

    public static String render(SetupPlan plan) {
        StringBuilder out = new StringBuilder();
        out.append("// Teleport admin setup for MongoDB: role ").append(plan.spec().roleName())
                .append(", user ").append(plan.spec().adminUser())
                .append(plan.spec().leastPrivilege() ? " (grantRole only on " + String.join(", ", plan.spec().grantDbs()) + ")" : "")
                .append('\n');
        if (plan.isEmpty()) {
            return out.append("// Nothing to change: the server already matches what Teleport needs.\n").toString();
        }
        for (PlannedStep step : plan.steps()) {
            out.append('\n').append("// ").append(step.purpose()).append('\n');
            if (step.whenExists().isPresent()) {
                out.append("if (").append(lookup(step)).append(" === null) {\n")
                        .append(indent(runCommand(step.db(), step.command()))).append("} else {\n")
                        .append(indent(runCommand(step.db(), step.whenExists().get()))).append("}\n");
            } else {
                out.append(runCommand(step.db(), step.command()));
            }
        }
        return out.toString();
    }

    /** One command as mongosh text, e.g. {@code db.getSiblingDB("admin").runCommand({...});} */
    public static String runCommand(String db, Document command) {
        StringBuilder out = new StringBuilder("db.getSiblingDB(").append(quote(db)).append(").runCommand({\n");
        String body = command.entrySet().stream()
                .map(e -> "  " + key(e.getKey()) + ": " + value(e.getValue(), true))
                .collect(Collectors.joining(",\n"));
        return out.append(body).append("\n});\n").toString();
    }

    private static String lookup(PlannedStep step) {
        String getter = step.commandName().endsWith("Role") ? "getRole" : "getUser";
        return "db.getSiblingDB(" + quote(step.db()) + ")." + getter + "(" + quote(step.target()) + ")";
    }

    private static String value(Object value, boolean topLevel) {
        if (value instanceof Map<?, ?> map) {
            return "{ " + map.entrySet().stream()
                    .map(e -> key(String.valueOf(e.getKey())) + ": " + value(e.getValue(), false))
                    .collect(Collectors.joining(", ")) + " }";
        }
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                return "[]";
            }
            boolean documents = list.get(0) instanceof Map;
            if (topLevel && documents) {
                return "[\n" + list.stream().map(v -> "    " + value(v, false)).collect(Collectors.joining(",\n")) + "\n  ]";
            }
            return "[ " + list.stream().map(v -> value(v, false)).collect(Collectors.joining(", ")) + " ]";
        }
        if (value instanceof String text) {
            return quote(text);
        }
        return String.valueOf(value);
    }

    private static String key(String key) {
        return IDENTIFIER.matcher(key).matches() ? key : quote(key);
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    private static String indent(String text) {
        return text.lines().map(l -> "  " + l).collect(Collectors.joining("\n")) + "\n";
    }
}
