package dev.autouser.core.provisioning;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * A cleanup computed before anything changes: the users it will act on (with reasons and
 * commands) and the users asked for that it refuses. Printing it is the dry run.
 */
public record CleanupPlan(CleanupAction action, List<PlannedAction> actions, List<Refusal> refused,
                          Instant plannedAt, List<String> warnings) {
    /** A user that was named but will not be touched, and why. */
    public record Refusal(String mongoName, String reason) {
    }

    public CleanupPlan {
        actions = List.copyOf(actions);
        refused = List.copyOf(refused);
        warnings = List.copyOf(warnings);
    }

    public CleanupPlan(CleanupAction action, List<PlannedAction> actions, List<Refusal> refused, Instant plannedAt) {
        this(action, actions, refused, plannedAt, List.of());
    }

    /** The same plan with what the person must know about it (e.g. members nobody could ask). */
    public CleanupPlan withWarnings(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new java.util.ArrayList<>(warnings);
        all.addAll(more);
        return new CleanupPlan(action, actions, refused, plannedAt, all);
    }

    public List<String> userNames() {
        return actions.stream().map(PlannedAction::mongoName).toList();
    }

    public boolean isEmpty() {
        return actions.isEmpty();
    }

    /** The plan as a person reads it, with every command that would run. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        describeTo(text);
        return text.toString();
    }

    /**
     * Writes {@link #describe()} to {@code out} user by user: a plan for 100,000 users is tens of
     * megabytes of text, which need not be held in memory next to the plan itself.
     */
    public void describeTo(PrintWriter out) {
        describeTo((Appendable) out);
    }

    private void describeTo(Appendable text) {
        try {
            text.append("Plan: ").append(action.verb()).append(' ').append(String.valueOf(actions.size()))
                    .append(actions.size() == 1 ? " auto-user" : " auto-users");
            if (!refused.isEmpty()) {
                text.append(" (").append(String.valueOf(refused.size())).append(" refused)");
            }
            text.append('\n');
            for (PlannedAction planned : actions) {
                text.append("  ").append(planned.mongoName()).append(": ").append(planned.reason()).append('\n');
                for (String command : planned.commands()) {
                    text.append("    ").append(command).append('\n');
                }
            }
            for (Refusal refusal : refused) {
                text.append("  refused ").append(refusal.mongoName()).append(": ").append(refusal.reason()).append('\n');
            }
            for (String warning : warnings) {
                text.append("  warning: ").append(warning).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
