package dev.autouser.core.policy;

import java.util.Objects;

/**
 * What a policy makes of one user, and why, with the evidence and its age.
 *
 * @param verdict LOCK or DROP (in the plan), KEEP (not old enough, or connected), NEVER_SEEN_ACTIVE
 *                (flagged: no source ever saw it in use; not in the plan), UNKNOWN_AGE (listed as such:
 *                no source knows how long it has been in its state; never silently included)
 */
public record PolicyDecision(String mongoName, Verdict verdict, String reason) {
    public enum Verdict { LOCK, DROP, KEEP, NEVER_SEEN_ACTIVE, UNKNOWN_AGE }

    public PolicyDecision {
        Objects.requireNonNull(mongoName);
        Objects.requireNonNull(verdict);
        Objects.requireNonNull(reason);
    }

    public boolean acts() {
        return verdict == Verdict.LOCK || verdict == Verdict.DROP;
    }
}
