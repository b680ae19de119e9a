package dev.autouser.core.policy;

import dev.autouser.core.history.Activity;
import dev.autouser.core.history.UserEvidence;
import dev.autouser.core.history.UserKey;
import dev.autouser.core.provisioning.AutoUser;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges each auto-user by a policy and the evidence of its age: a pure function of the users, their
 * ages, the policy and the clock (tests use a fixed clock). A user whose age no source knows is never
 * taken: it is listed as such. A connected user is never taken.
 */
public final class PolicyEvaluator {
    private final CleanupPolicy policy;
    private final Clock clock;

    public PolicyEvaluator(CleanupPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * @param evidence per user name, from {@link dev.autouser.core.history.EvidenceLookup} (one read for
     *                 every user of the server); a user absent from it has no known age
     */
    public List<PolicyDecision> evaluate(List<AutoUser> users, Map<String, UserEvidence> evidence) {
        Instant now = clock.instant();
        return users.stream()
                .map(user -> decide(user, evidence.getOrDefault(user.mongoName(),
                        UserEvidence.unknown(new UserKey("", UserKey.MONGODB, user.mongoName()))), now))
                .toList();
    }

    PolicyDecision decide(AutoUser user, UserEvidence age, Instant now) {
        String name = user.mongoName();
        if (!user.sessions().isEmpty()) {
            return keep(name, "has " + user.sessions().size()
                    + (user.sessions().size() == 1 ? " live connection" : " live connections"));
        }
        return user.locked() ? decideLocked(name, age, now) : decideNotCleanedUp(name, age, now);
    }

    /** Unlocked, no session: Teleport's session-end step did not run. Locking is the safe, reversible step. */
    private PolicyDecision decideNotCleanedUp(String name, UserEvidence age, Instant now) {
        if (policy.lockNotCleanedUpAfter().isEmpty()) {
            return keep(name, "not cleaned up; this policy locks no one");
        }
        Duration limit = policy.lockNotCleanedUpAfter().get();
        if (age.notCleanedUpSince().isEmpty()) {
            return new PolicyDecision(name, PolicyDecision.Verdict.UNKNOWN_AGE,
                    "not cleaned up since an unknown time (no history of this user yet)" + lastActive(age, now));
        }
        Duration since = Duration.between(age.notCleanedUpSince().get(), now);
        if (since.compareTo(limit) > 0) {
            return new PolicyDecision(name, PolicyDecision.Verdict.LOCK, "not cleaned up for at least "
                    + Ages.text(since) + " (over " + Ages.text(limit) + ")" + lastActive(age, now));
        }
        if (sinceFirstSeen(age, age.notCleanedUpSince().get())) {
            return new PolicyDecision(name, PolicyDecision.Verdict.UNKNOWN_AGE, "not cleaned up for at least "
                    + Ages.text(since) + " (since the console first saw it; how long before is unknown)"
                    + lastActive(age, now));
        }
        return keep(name, "not cleaned up for " + Ages.text(since) + " (not over " + Ages.text(limit) + ")"
                + lastActive(age, now));
    }

    /**
     * Every "since" is when the console (or an import) first saw the state: a lower bound. It is the real
     * start only when the user was known before it in another state; a state that began with the first
     * sighting may be far older, so its age is unknown until it passes the limit on its own.
     */
    private static boolean sinceFirstSeen(UserEvidence age, Instant since) {
        return age.firstSeen().map(first -> !first.isBefore(since)).orElse(true);
    }

    private PolicyDecision decideLocked(String name, UserEvidence age, Instant now) {
        if (!policy.drops()) {
            return keep(name, "locked; this policy drops no one");
        }
        Duration lockedLimit = policy.dropLockedAfter().orElseThrow();
        Duration inactiveLimit = policy.dropInactiveAfter().orElseThrow();
        if (age.lockedSince().isEmpty()) {
            return new PolicyDecision(name, PolicyDecision.Verdict.UNKNOWN_AGE,
                    "locked since an unknown time (no history of this user yet)" + lastActive(age, now));
        }
        Duration locked = Duration.between(age.lockedSince().get(), now);
        if (locked.compareTo(lockedLimit) <= 0) {
            if (sinceFirstSeen(age, age.lockedSince().get())) {
                return new PolicyDecision(name, PolicyDecision.Verdict.UNKNOWN_AGE, "locked for at least "
                        + Ages.text(locked) + " (since the console first saw it; how long before is unknown)"
                        + lastActive(age, now));
            }
            return keep(name, "locked for " + Ages.text(locked) + " (not over " + Ages.text(lockedLimit) + ")"
                    + lastActive(age, now));
        }
        Optional<Activity> last = age.latestActivity();
        if (last.isEmpty()) {
            return neverSeen(name, age, now, locked);
        }
        Duration inactive = Duration.between(last.get().at(), now);
        if (inactive.compareTo(inactiveLimit) <= 0) {
            return keep(name, "locked for " + Ages.text(locked) + ", but last active " + Ages.text(inactive)
                    + " ago (" + last.get().source().label() + ")");
        }
        return new PolicyDecision(name, PolicyDecision.Verdict.DROP, "locked for at least " + Ages.text(locked)
                + " (over " + Ages.text(lockedLimit) + ") and last active " + Ages.text(inactive) + " ago ("
                + last.get().source().label() + "; over " + Ages.text(inactiveLimit) + ")");
    }

    /** No source ever saw it in use: flagged for a person to look at, never dropped on absence of evidence. */
    private static PolicyDecision neverSeen(String name, UserEvidence age, Instant now, Duration locked) {
        Optional<Instant> first = age.firstSeen();
        return new PolicyDecision(name, PolicyDecision.Verdict.NEVER_SEEN_ACTIVE,
                "never seen active by any source; locked for " + Ages.text(locked)
                        + first.map(f -> ", first seen " + Ages.since(f, now) + " ago").orElse(""));
    }

    private static String lastActive(UserEvidence age, Instant now) {
        return age.latestActivity().map(last -> "; last active " + Ages.since(last.at(), now) + " ago ("
                + last.source().label() + ")").orElse("");
    }

    private static PolicyDecision keep(String name, String reason) {
        return new PolicyDecision(name, PolicyDecision.Verdict.KEEP, reason);
    }
}
