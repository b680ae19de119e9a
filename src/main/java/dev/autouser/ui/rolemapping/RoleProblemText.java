package dev.autouser.ui.rolemapping;

import dev.autouser.core.teleport.RoleProblem;

/** A finding as the person reads it: "Error — `readwrite@db1`: no such role — did you mean `readWrite`?". */
final class RoleProblemText {
    private RoleProblemText() {
    }

    static String sentence(RoleProblem problem) {
        String severity = switch (problem.severity()) {
            case ERROR -> "Error";
            case WARNING -> "Warning";
            case NOTE -> "Note";
        };
        return severity + " — " + problem.line();
    }
}
