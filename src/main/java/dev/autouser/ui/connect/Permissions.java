package dev.autouser.ui.connect;

import dev.autouser.core.mongo.Operation;
import dev.autouser.core.mongo.ServerFacts;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the connected identity may do, as one sentence for "Test connection": the same answer as the
 * CLI's {@code server-info} (the server's own account of the identity's privileges).
 */
final class Permissions {
    private Permissions() {
    }

    /**
     * The engine's own lines ("yes list auto-users ...", "NO lock and drop auto-users - why"), as the
     * CLI's {@code server-info} prints them, joined into the same two halves.
     */
    static String sentence(List<String> lines) {
        List<String> may = lines.stream().filter(l -> l.startsWith("yes ")).map(l -> l.substring(4)).toList();
        List<String> mayNot = lines.stream().filter(l -> l.startsWith("NO ")).map(l -> l.substring(3)).toList();
        String yes = may.isEmpty() ? "This identity may do nothing the console offers"
                : "This identity may " + String.join("; ", may);
        return yes + (mayNot.isEmpty() ? "." : "; it may NOT " + String.join("; ", mayNot) + ".");
    }

    static String sentence(ServerFacts facts) {
        List<Operation> may = Arrays.stream(Operation.values()).filter(facts::can).toList();
        List<Operation> mayNot = Arrays.stream(Operation.values()).filter(op -> !facts.can(op)).toList();
        String yes = may.isEmpty() ? "This identity may do nothing the console offers"
                : "This identity may " + may.stream().map(Operation::label).collect(Collectors.joining(", "));
        String no = mayNot.stream().map(op -> op.label() + " (missing " + facts.missing(op).stream()
                .map(p -> p.describe()).collect(Collectors.joining(", ")) + ")").collect(Collectors.joining("; "));
        return yes + (mayNot.isEmpty() ? "." : "; it may not " + no + ".");
    }
}
