package dev.autouser.ui.support;

import java.util.List;
import java.util.Objects;

/**
 * What a person must agree to before a change: who is affected, the exact commands, and an action
 * label that names the action and the count ("Drop 3 users"), never "OK". A non-empty
 * {@code requiredCheck} is a checkbox the person must tick before the action button works (an
 * explicit override, e.g. acting although a member did not answer); empty means none.
 */
public record Confirmation(String title, String message, List<String> subjects, String commands,
                           String actionLabel, boolean destructive, String requiredCheck) {
    public Confirmation {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(message, "message");
        subjects = List.copyOf(subjects);
        Objects.requireNonNull(commands, "commands");
        if (actionLabel == null || actionLabel.isBlank() || actionLabel.equalsIgnoreCase("ok")) {
            throw new IllegalArgumentException("A confirmation button must name its action");
        }
        Objects.requireNonNull(requiredCheck, "requiredCheck");
    }

    public Confirmation(String title, String message, List<String> subjects, String commands, String actionLabel,
                        boolean destructive) {
        this(title, message, subjects, commands, actionLabel, destructive, "");
    }

    public boolean hasRequiredCheck() {
        return !requiredCheck.isEmpty();
    }

    /** The override checkbox's text: it names the silent hosts and what ticking it means. */
    public static String overrideCheck(List<String> hosts) {
        String them = String.join(", ", hosts);
        return "Act although " + them + (hosts.size() == 1 ? " does" : " do") + " not answer: a session there cannot"
                + " be seen. Only if you know nobody works through " + them + " (written to the audit log).";
    }

    /** "Drop 1 user" / "Drop 3 users". */
    public static String countLabel(String verb, int count) {
        return verb + " " + count + (count == 1 ? " user" : " users");
    }
}
