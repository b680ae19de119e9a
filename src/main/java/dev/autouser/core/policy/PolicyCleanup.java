package dev.autouser.core.policy;

import dev.autouser.core.engine.UserActions;
import dev.autouser.core.engine.mongo.MongoUserActions;
import dev.autouser.core.history.UserEvidence;
import dev.autouser.core.provisioning.AutoUserListing;
import dev.autouser.core.provisioning.CleanupAction;
import dev.autouser.core.provisioning.CleanupReport;
import dev.autouser.core.provisioning.ProgressListener;
import dev.autouser.core.provisioning.UserCleanup;
import dev.autouser.core.provisioning.UserResult;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cleanup by policy: one listing, judged with the evidence of every user's age, then the lock plan
 * and the drop plan run through the engine's {@link UserActions} with all their safety (re-check right
 * before acting, never a connected user or one Teleport does not manage, drop only after lock → verify,
 * every change audited). The history the ages come from is kept per server and engine.
 */
public final class PolicyCleanup {
    private final UserActions cleanup;
    private final Clock clock;

    /** MongoDB's cleanup. */
    public PolicyCleanup(UserCleanup cleanup, Clock clock) {
        this(new MongoUserActions(cleanup), clock);
    }

    /** Any engine's actions ({@code engine.actions(audit).recordingListingsWith(history)}). */
    public PolicyCleanup(UserActions cleanup, Clock clock) {
        this.cleanup = cleanup;
        this.clock = clock;
    }

    /**
     * @param evidence per user name (one read for the whole server); what the listing itself carries from
     *                 the history (recorded as it was taken) wins
     */
    public PolicyPlan plan(CleanupPolicy policy, Map<String, UserEvidence> evidence) {
        AutoUserListing listing = cleanup.listForPlan();
        Map<String, UserEvidence> known = new HashMap<>(evidence);
        known.putAll(listing.evidence());
        List<PolicyDecision> decisions = new PolicyEvaluator(policy, clock).evaluate(listing.users(), known);
        return new PolicyPlan(policy,
                cleanup.planOf(CleanupAction.LOCK, listing, reasons(decisions, PolicyDecision.Verdict.LOCK)),
                cleanup.planOf(CleanupAction.DROP, listing, reasons(decisions, PolicyDecision.Verdict.DROP)),
                decisions, clock.instant(), known);
    }

    /** Locks first (the reversible step), then drops; one report of both, in the order things happened. */
    public CleanupReport execute(PolicyPlan plan, ProgressListener listener) {
        List<UserResult> results = new ArrayList<>();
        Duration elapsed = Duration.ZERO;
        String stopped = "";
        for (var part : List.of(plan.lock(), plan.drop())) {
            if (part.isEmpty() && part.refused().isEmpty()) {
                continue;
            }
            CleanupReport report = cleanup.execute(part, listener);
            results.addAll(report.results());
            elapsed = elapsed.plus(report.elapsed());
            if (report.stopped().isPresent()) {
                stopped = report.stoppedBecause();
                break;
            }
        }
        return new CleanupReport(results, elapsed, stopped);
    }

    public void recordDryRun(PolicyPlan plan) {
        cleanup.recordDryRun(plan.lock());
        cleanup.recordDryRun(plan.drop());
    }

    private static Map<String, String> reasons(List<PolicyDecision> decisions, PolicyDecision.Verdict verdict) {
        Map<String, String> reasons = new LinkedHashMap<>();
        decisions.stream().filter(d -> d.verdict() == verdict).forEach(d -> reasons.put(d.mongoName(), d.reason()));
        return reasons;
    }
}
