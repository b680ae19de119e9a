package dev.autouser.core.policy;

import dev.autouser.core.history.Activity;
import dev.autouser.core.history.EvidenceSource;
import dev.autouser.core.history.UserEvidence;
import dev.autouser.core.history.UserKey;
import dev.autouser.core.provisioning.AutoUser;
import dev.autouser.core.provisioning.LiveSession;
import dev.autouser.core.provisioning.RoleRef;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.autouser.core.policy.PolicyDecision.Verdict.DROP;
import static dev.autouser.core.policy.PolicyDecision.Verdict.KEEP;
import static dev.autouser.core.policy.PolicyDecision.Verdict.LOCK;
import static dev.autouser.core.policy.PolicyDecision.Verdict.NEVER_SEEN_ACTIVE;
import static dev.autouser.core.policy.PolicyDecision.Verdict.UNKNOWN_AGE;
import static org.assertj.core.api.Assertions.assertThat;

class PolicyEvaluatorTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private final PolicyEvaluator conservative =
            new PolicyEvaluator(CleanupPolicy.conservative(), Clock.fixed(NOW, ZoneOffset.UTC));

    private static AutoUser user(String name, boolean locked, int sessions) {
        List<LiveSession> live = java.util.stream.IntStream.range(0, sessions)
                .mapToObj(i -> new LiveSession(i + 1, "10.0.0." + (i + 1) + ":50000", "mongosh", "")).toList();
        List<RoleRef> roles = locked ? List.of() : List.of(new RoleRef("readWrite", "db1"));
        return new AutoUser(name, name.substring(3), Optional.empty(), roles, locked,
                new Document("teleport-auto-user", true), live);
    }

    private static UserEvidence age(Duration activeAgo, Duration lockedAgo, Duration notCleanedUpAgo,
                                    Duration firstSeenAgo) {
        Map<EvidenceSource, Activity> active = activeAgo == null ? Map.of() : Map.of(EvidenceSource.TELEPORT_AUDIT,
                new Activity(NOW.minus(activeAgo), EvidenceSource.TELEPORT_AUDIT, "alice", ""));
        return new UserEvidence(new UserKey("db1:27017", UserKey.MONGODB, "CN=x"), ago(firstSeenAgo), active,
                ago(lockedAgo), Optional.empty(), ago(notCleanedUpAgo), Optional.empty());
    }

    private static UserEvidence unknown() {
        return UserEvidence.unknown(new UserKey("db1:27017", UserKey.MONGODB, "CN=x"));
    }

    private static Optional<Instant> ago(Duration d) {
        return Optional.ofNullable(d).map(NOW::minus);
    }

    private PolicyDecision decide(AutoUser user, UserEvidence age) {
        return conservative.evaluate(List.of(user), Map.of(user.mongoName(), age)).get(0);
    }

    @Test
    void notCleanedUpLongerThanThePolicyIsLockedWithItsEvidence() {
        PolicyDecision decision = decide(user("CN=alice", false, 0),
                age(Duration.ofHours(5), null, Duration.ofHours(3), Duration.ofDays(2)));

        assertThat(decision.verdict()).isEqualTo(LOCK);
        assertThat(decision.reason()).isEqualTo(
                "not cleaned up for at least 3 h (over 60 min); last active 5 h ago (Teleport audit)");
    }

    @Test
    void notCleanedUpForFiveMinutesIsKept() {
        PolicyDecision decision = decide(user("CN=bob", false, 0),
                age(Duration.ofMinutes(5), null, Duration.ofMinutes(5), Duration.ofDays(2)));

        assertThat(decision.verdict()).isEqualTo(KEEP);
        assertThat(decision.reason()).isEqualTo("not cleaned up for 5 min (not over 60 min); last active 5 min ago (Teleport audit)");
    }

    @Test
    void unknownAgeIsListedAsSuchNeverTaken() {
        assertThat(decide(user("CN=carol", false, 0), unknown()).verdict()).isEqualTo(UNKNOWN_AGE);
        PolicyDecision locked = decide(user("CN=dave", true, 0), unknown());
        assertThat(locked.verdict()).isEqualTo(UNKNOWN_AGE);
        assertThat(locked.reason()).isEqualTo("locked since an unknown time (no history of this user yet)");
    }

    @Test
    void lockedLongAndInactiveLongIsDropped() {
        PolicyDecision decision = decide(user("CN=erin", true, 0),
                age(Duration.ofDays(45), Duration.ofDays(40), null, Duration.ofDays(60)));

        assertThat(decision.verdict()).isEqualTo(DROP);
        assertThat(decision.reason()).isEqualTo(
                "locked for at least 40 d (over 30 d) and last active 45 d ago (Teleport audit; over 30 d)");
    }

    @Test
    void lockedLongButRecentlyActiveIsKept() {
        // locked now, but another source saw it in use 2 days ago (e.g. re-activated by Teleport in between)
        PolicyDecision decision = decide(user("CN=fay", true, 0),
                age(Duration.ofDays(2), Duration.ofDays(40), null, Duration.ofDays(60)));

        assertThat(decision.verdict()).isEqualTo(KEEP);
        assertThat(decision.reason()).contains("last active 2 d ago");
    }

    @Test
    void lockedRecentlyIsKept() {
        assertThat(decide(user("CN=gus", true, 0),
                age(Duration.ofDays(50), Duration.ofDays(3), null, Duration.ofDays(60))).reason())
                .isEqualTo("locked for 3 d (not over 30 d); last active 50 d ago (Teleport audit)");
    }

    @Test
    void neverSeenActiveByAnySourceIsFlaggedNotDropped() {
        PolicyDecision decision = decide(user("CN=hal", true, 0),
                age(null, Duration.ofDays(40), null, Duration.ofDays(41)));

        assertThat(decision.verdict()).isEqualTo(NEVER_SEEN_ACTIVE);
        assertThat(decision.acts()).isFalse();
        assertThat(decision.reason()).isEqualTo("never seen active by any source; locked for 40 d, first seen 41 d ago");
    }

    @Test
    void aConnectedUserIsNeverTakenWhateverItsAge() {
        PolicyDecision decision = decide(user("CN=ivy", true, 1),
                age(Duration.ofDays(90), Duration.ofDays(90), null, Duration.ofDays(90)));

        assertThat(decision.verdict()).isEqualTo(KEEP);
        assertThat(decision.reason()).isEqualTo("has 1 live connection");
    }

    @Test
    void theSameEvidenceJudgedLaterCrossesTheLine() {
        AutoUser jo = user("CN=jo", false, 0);
        Map<String, UserEvidence> ages = Map.of("CN=jo", age(null, null, Duration.ofMinutes(50), Duration.ofDays(1)));

        PolicyEvaluator now = new PolicyEvaluator(CleanupPolicy.conservative(), Clock.fixed(NOW, ZoneOffset.UTC));
        PolicyEvaluator later = new PolicyEvaluator(CleanupPolicy.conservative(),
                Clock.fixed(NOW.plus(Duration.ofMinutes(11)), ZoneOffset.UTC));

        assertThat(now.evaluate(List.of(jo), ages).get(0).verdict()).isEqualTo(KEEP);
        assertThat(later.evaluate(List.of(jo), ages).get(0).verdict()).isEqualTo(LOCK);
    }

    @Test
    void aStateThatBeganWithTheFirstSightingIsOnlyALowerBoundSoItsAgeIsUnknownUntilItPassesTheLimit() {
        PolicyDecision young = decide(user("CN=lee", false, 0), age(null, null, Duration.ofMinutes(10), Duration.ofMinutes(10)));
        PolicyDecision old = decide(user("CN=max", false, 0), age(null, null, Duration.ofMinutes(90), Duration.ofMinutes(90)));
        PolicyDecision locked = decide(user("CN=ned", true, 0), age(null, Duration.ofDays(2), null, Duration.ofDays(2)));

        assertThat(young.verdict()).isEqualTo(UNKNOWN_AGE);
        assertThat(young.reason()).isEqualTo("not cleaned up for at least 10 min (since the console first saw it; how long before is unknown)");
        assertThat(old.verdict()).isEqualTo(LOCK);
        assertThat(locked.verdict()).isEqualTo(UNKNOWN_AGE);
        assertThat(locked.reason()).startsWith("locked for at least 2 d (since the console first saw it");
    }

    @Test
    void aPolicyWithoutDropKeepsLockedUsers() {
        PolicyEvaluator lockOnly = new PolicyEvaluator(new CleanupPolicy(Optional.of(Duration.ofMinutes(30)),
                Optional.empty(), Optional.empty()), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(lockOnly.evaluate(List.of(user("CN=kim", true, 0)), Map.of()).get(0).reason())
                .isEqualTo("locked; this policy drops no one");
    }
}
