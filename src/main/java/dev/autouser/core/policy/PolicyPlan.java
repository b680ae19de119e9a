package dev.autouser.core.policy;

import dev.autouser.core.history.TeleportDeactivation;
import dev.autouser.core.history.UserEvidence;
import dev.autouser.core.provisioning.CleanupPlan;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cleanup by policy before anything changes: the lock plan (users not cleaned up for too long), the
 * drop plan (locked and inactive for too long), and every other user with what the policy made of it:
 * kept, flagged as never seen active, or of unknown age. Printing it is the dry run.
 */
public record PolicyPlan(CleanupPolicy policy, CleanupPlan lock, CleanupPlan drop, List<PolicyDecision> decisions,
                         Instant judgedAt, Map<String, UserEvidence> evidence) {
    public PolicyPlan {
        decisions = List.copyOf(decisions);
        evidence = Map.copyOf(evidence);
    }

    /** Teleport's failed lock or drop of {@code user}, as an imported audit log told it (the user needs a look). */
    public Optional<TeleportDeactivation> teleportFailure(String user) {
        return Optional.ofNullable(evidence.get(user)).flatMap(UserEvidence::teleportFailure);
    }

    /** The users Teleport failed to lock or drop, in the plan's order. */
    public List<PolicyDecision> teleportFailed() {
        return decisions.stream().filter(d -> teleportFailure(d.mongoName()).isPresent()).toList();
    }

    public boolean isEmpty() {
        return lock.isEmpty() && drop.isEmpty();
    }

    public List<PolicyDecision> with(PolicyDecision.Verdict verdict) {
        return decisions.stream().filter(d -> d.verdict() == verdict).toList();
    }

    /** The plan as a person reads it: the policy, what it will do and why, and what it leaves and why. */
    public void describeTo(PrintWriter out) {
        out.println("Policy: " + policy.describe());
        if (!lock.isEmpty() || !lock.refused().isEmpty()) {
            lock.describeTo(out);
        }
        if (!drop.isEmpty() || !drop.refused().isEmpty()) {
            drop.describeTo(out);
        }
        list(out, PolicyDecision.Verdict.NEVER_SEEN_ACTIVE, "Never seen active by any source (flagged, not in the plan)");
        list(out, PolicyDecision.Verdict.UNKNOWN_AGE, "Age unknown (not in the plan)");
        list(out, PolicyDecision.Verdict.KEEP, "Kept");
        List<PolicyDecision> failed = teleportFailed();
        if (!failed.isEmpty()) {
            out.println("Teleport failed to lock or drop (its audit log): " + failed.size());
            failed.forEach(d -> out.println("  " + d.mongoName() + ": " + describe(teleportFailure(d.mongoName()).orElseThrow())));
        }
        out.flush();
    }

    /** "Teleport failed to drop it at 2026-…: ERROR". */
    public static String describe(TeleportDeactivation failed) {
        return "Teleport failed to " + failed.action() + " it at " + failed.at()
                + (failed.error().isEmpty() ? "" : ": " + failed.error());
    }

    private void list(PrintWriter out, PolicyDecision.Verdict verdict, String title) {
        List<PolicyDecision> these = with(verdict);
        if (these.isEmpty()) {
            return;
        }
        out.println(title + ": " + these.size());
        these.forEach(d -> out.println("  " + d.mongoName() + ": " + d.reason()));
    }
}
