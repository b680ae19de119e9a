package dev.autouser.ui.support;

import java.util.List;
import java.util.Objects;

/**
 * What a person must agree to before a change: who is affected, the exact commands, and an action
 * label that names the action and the count ("Drop 3 users"), never "OK".
 */
public record Confirmation(String title, String message, List<String> subjects, String commands,
                           String actionLabel, boolean destructive) {
    public Confirmation {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(message, "message");
        subjects = List.copyOf(subjects);
        Objects.requireNonNull(commands, "commands");
        if (actionLabel == null || actionLabel.isBlank() || actionLabel.equalsIgnoreCase("ok")) {
            throw new IllegalArgumentException("A confirmation button must name its action");
        }
    }

    /** "Drop 1 user" / "Drop 3 users". */
    public static String countLabel(String verb, int count) {
        return verb + " " + count + (count == 1 ? " user" : " users");
    }
}
