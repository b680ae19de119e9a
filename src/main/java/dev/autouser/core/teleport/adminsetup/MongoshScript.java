package dev.autouser.core.teleport.adminsetup;

import dev.autouser.core.mongo.MongoshSyntax;

import java.util.stream.Collectors;

/** Writes a {@link SetupPlan} as a mongosh script someone can copy, read and run. */
public final class MongoshScript {
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
            if (step.fallback().isPresent()) {
                out.append("if (").append(lookup(step)).append(" === null) {\n")
                        .append(indent(step.toCommand().scriptText())).append("} else {\n")
                        .append(indent(step.fallback().get().scriptText())).append("}\n");
            } else {
                out.append(step.toCommand().scriptText());
            }
        }
        return out.toString();
    }

    private static String lookup(PlannedStep step) {
        String getter = step.commandName().endsWith("Role") ? "getRole" : "getUser";
        return "db.getSiblingDB(" + MongoshSyntax.quote(step.db()) + ")." + getter + "(" + MongoshSyntax.quote(step.target()) + ")";
    }

    private static String indent(String text) {
        return text.lines().map(l -> "  " + l).collect(Collectors.joining("\n")) + "\n";
    }
}
