package dev.autouser.core.policy;

import dev.autouser.core.provisioning.CleanupPlan;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

/**
 * A cleanup by policy before anything changes: the lock plan (users not cleaned up for too long), the
 * drop plan (locked and inactive for too long), and every other user with what the policy made of it:
 * kept, flagged as never seen active, or of unknown age. Printing it is the dry run.
 */
public record PolicyPlan(CleanupPolicy policy, CleanupPlan lock, CleanupPlan drop, List<PolicyDecision> decisions,
                         Instant judgedAt) {
    public PolicyPlan {
        decisions = List.copyOf(decisions);
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
        out.flush();
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
