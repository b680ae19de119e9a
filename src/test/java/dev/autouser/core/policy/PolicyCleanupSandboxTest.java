package dev.autouser.core.policy;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.history.Activity;
import dev.autouser.core.history.EvidenceSource;
import dev.autouser.core.history.UserEvidence;
import dev.autouser.core.history.UserKey;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.provisioning.CleanupReport;
import dev.autouser.core.provisioning.UserCleanup;
import dev.autouser.testsupport.MongoTarget;
import dev.autouser.testsupport.Seeds;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A cleanup by policy against the sandbox: the real lock and drop, only for the users the evidence convicts. */
class PolicyCleanupSandboxTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private final MongoTarget target = MongoTarget.sandbox();
    private final Seeds seeds = new Seeds(target);

    @AfterEach
    void cleanUp() {
        seeds.dropAll();
    }

    private static UserEvidence evidence(String name, Duration activeAgo, Duration lockedAgo, Duration notCleanedUpAgo) {
        Map<EvidenceSource, Activity> active = activeAgo == null ? Map.of() : Map.of(EvidenceSource.OBSERVED,
                new Activity(NOW.minus(activeAgo), EvidenceSource.OBSERVED, "mongosh", "10.0.0.9:50000"));
        return new UserEvidence(new UserKey("sandbox", UserKey.MONGODB, "CN=" + name), Optional.of(NOW.minus(Duration.ofDays(60))),
                active, Optional.ofNullable(lockedAgo).map(NOW::minus), Optional.empty(),
                Optional.ofNullable(notCleanedUpAgo).map(NOW::minus), Optional.empty());
    }

    @Test
    void locksTheLongNotCleanedUpDropsTheLongLockedAndLeavesTheRest(@TempDir Path dir) {
        String forgotten = seeds.autoUser("forgotten", false, "readWrite@db1");
        String fresh = seeds.autoUser("fresh", false, "readWrite@db1");
        String unknown = seeds.autoUser("unknown", false, "readWrite@db1");
        String old = seeds.autoUser("old", true);
        String connected = seeds.autoUser("connected", false, "readWrite@db1");
        seeds.connect(connected, "mongosh");
        Map<String, UserEvidence> evidence = new HashMap<>();
        evidence.put("CN=" + forgotten, evidence(forgotten, Duration.ofHours(4), null, Duration.ofHours(3)));
        evidence.put("CN=" + fresh, evidence(fresh, Duration.ofMinutes(6), null, Duration.ofMinutes(5)));
        evidence.put("CN=" + old, evidence(old, Duration.ofDays(45), Duration.ofDays(40), null));
        evidence.put("CN=" + connected, evidence(connected, Duration.ofDays(90), null, Duration.ofDays(90)));

        try (MongoGateway gateway = seeds.gatewayAs(MongoTarget.DBA)) {
            PolicyCleanup byPolicy = new PolicyCleanup(new UserCleanup(gateway, new AuditLog(dir.resolve("audit.jsonl"))),
                    Clock.fixed(NOW, ZoneOffset.UTC));
            PolicyPlan plan = byPolicy.plan(CleanupPolicy.conservative(), evidence);

            assertThat(plan.lock().userNames()).containsExactly("CN=" + forgotten);
            assertThat(plan.drop().userNames()).containsExactly("CN=" + old);
            assertThat(plan.lock().actions().get(0).reason()).startsWith("not cleaned up for at least 3 h");
            assertThat(verdictOf(plan, unknown)).isEqualTo(PolicyDecision.Verdict.UNKNOWN_AGE);
            assertThat(verdictOf(plan, fresh)).isEqualTo(PolicyDecision.Verdict.KEEP);
            assertThat(verdictOf(plan, connected)).isEqualTo(PolicyDecision.Verdict.KEEP);

            CleanupReport report = byPolicy.execute(plan, (r, f, t) -> { });

            assertThat(report.failed()).isZero();
            assertThat(report.done()).isEqualTo(2);
        }
        assertThat(locked(forgotten)).isTrue();
        assertThat(seeds.exists(old)).isFalse();
        assertThat(locked(fresh)).isFalse();
        assertThat(locked(unknown)).isFalse();
        assertThat(locked(connected)).isFalse();
    }

    private static PolicyDecision.Verdict verdictOf(PolicyPlan plan, String name) {
        return plan.decisions().stream().filter(d -> d.mongoName().equals("CN=" + name)).findFirst().orElseThrow().verdict();
    }

    private boolean locked(String name) {
        List<Document> restrictions = seeds.userInfo(name).getList("authenticationRestrictions", Document.class, List.of());
        return restrictions.stream().anyMatch(r -> String.valueOf(r.get("clientSource")).contains("0.0.0.0"));
    }
}
