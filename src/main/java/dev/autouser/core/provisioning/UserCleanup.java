package dev.autouser.core.provisioning;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.audit.AuditTrail;
import dev.autouser.core.mongo.MongoGateway;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Lock and drop for the DBA, made safe: a plan first (which users, why, the exact commands), then
 * execution that re-checks every user right before acting, refuses users Teleport does not manage,
 * never touches a connected user, and drops only after lock → verify no session.
 */
public final class UserCleanup {
    private final MongoGateway gateway;
    private final AuditLog audit;
    private final Runnable afterRecheck;
    private java.util.function.UnaryOperator<AutoUserListing> recordListing = listing -> listing;

    public UserCleanup(MongoGateway gateway, AuditLog audit) {
        this(gateway, audit, () -> { });
    }

    /**
     * {@code afterRecheck} runs between the re-check of a batch and its first lock: the window in
     * which a session can still slip in. Tests use it to open one there.
     */
    UserCleanup(MongoGateway gateway, AuditLog audit, Runnable afterRecheck) {
        this.gateway = gateway;
        this.audit = audit;
        this.afterRecheck = afterRecheck;
    }

    /**
     * Passes the listing each plan is made from through {@code recorder} (the usage history, which
     * returns it with evidence attached). Returns this cleanup.
     */
    public UserCleanup recordingListingsWith(java.util.function.UnaryOperator<AutoUserListing> recorder) {
        this.recordListing = java.util.Objects.requireNonNull(recorder, "recorder");
        return this;
    }

    /** Every auto-user that matches the criteria (never a connected one), from one listing. */
    public CleanupPlan plan(CleanupCriteria criteria) {
        UnknownOutcomes.settle(gateway, audit);
        AutoUserListing listing = recordListing.apply(new AutoUserLister(gateway).list());
        List<PlannedAction> actions = listing.users().stream()
                .filter(criteria::matches)
                .filter(user -> !alreadyDone(user, criteria.action()))
                .map(user -> planned(user, criteria.action(), criteria.reason(user)))
                .toList();
        List<SessionCensus.NodeAnswer> blocking = listing.silentNodes().stream()
                .filter(n -> !gateway.unverifiedAllowed().contains(n.node().host())).toList();
        if (!blocking.isEmpty()) {
            return new CleanupPlan(criteria.action(), List.of(), refuseAll(actions.stream()
                    .map(PlannedAction::mongoName).toList(), blocking), Instant.now());
        }
        return new CleanupPlan(criteria.action(), actions, List.of(), Instant.now())
                .withWarnings(listing.unlistedWarning().stream().toList());
    }

    /**
     * The one listing a policy judges: settles unknown outcomes first, like {@link #plan(CleanupCriteria)}.
     */
    public AutoUserListing listForPlan() {
        UnknownOutcomes.settle(gateway, audit);
        return recordListing.apply(new AutoUserLister(gateway).list());
    }

    /**
     * A plan of {@code action} for the users a caller chose from {@code listing} (a policy), each with
     * its reason. Connected users are left out whatever the caller chose; a member or router that could
     * not be asked refuses every user, as for every other plan.
     */
    public CleanupPlan planOf(CleanupAction action, AutoUserListing listing, Map<String, String> reasons) {
        List<PlannedAction> actions = listing.users().stream()
                .filter(user -> reasons.containsKey(user.mongoName()))
                .filter(user -> user.sessions().isEmpty())
                .filter(user -> !alreadyDone(user, action))
                .map(user -> planned(user, action, reasons.get(user.mongoName())))
                .toList();
        List<SessionCensus.NodeAnswer> blocking = listing.silentNodes().stream()
                .filter(n -> !gateway.unverifiedAllowed().contains(n.node().host())).toList();
        if (!blocking.isEmpty()) {
            return new CleanupPlan(action, List.of(), refuseAll(actions.stream()
                    .map(PlannedAction::mongoName).toList(), blocking), Instant.now());
        }
        return new CleanupPlan(action, actions, List.of(), Instant.now())
                .withWarnings(listing.unlistedWarning().stream().toList());
    }

    /**
     * A plan for named users ({@code alice} or {@code CN=alice}) with two server calls: one
     * exact-match usersInfo and one $currentOp. Unknown, unmanaged and connected users are refused.
     */
    public CleanupPlan planFor(CleanupAction action, List<String> users) {
        UnknownOutcomes.settle(gateway, audit);
        List<String> names = new ArrayList<>(new LinkedHashSet<>(users.stream().map(TeleportName::mongoNameOf).toList()));
        Map<String, Document> found = names.isEmpty() ? Map.of() : new UsersInfoReader(gateway).withRestrictions(names);
        SessionCensus census = SessionProbe.census(gateway);
        List<SessionCensus.NodeAnswer> blocking = census.blocking(gateway.unverifiedAllowed());
        if (!blocking.isEmpty()) {
            return new CleanupPlan(action, List.of(), refuseAll(names, blocking), Instant.now());
        }
        Map<String, List<LiveSession>> sessions = census.sessionsByUser();
        List<PlannedAction> actions = new ArrayList<>();
        List<CleanupPlan.Refusal> refused = new ArrayList<>();
        for (String name : names) {
            Document user = found.get(name);
            if (user == null) {
                refused.add(new CleanupPlan.Refusal(name, "no such user in $external"));
            } else if (!UserRecords.isAutoUser(user)) {
                refused.add(new CleanupPlan.Refusal(name, "not managed by Teleport"
                        + " (customData.teleport-auto-user is not true): the console never changes it"));
            } else {
                AutoUser autoUser = AutoUserLister.toAutoUser(user, sessions.getOrDefault(name, List.of()));
                if (autoUser.state() == UserState.ACTIVE) {
                    refused.add(new CleanupPlan.Refusal(name, connected(autoUser.sessions())));
                } else if (alreadyDone(autoUser, action)) {
                    refused.add(new CleanupPlan.Refusal(name, "already locked (no roles, new logins refused): nothing to change"));
                } else {
                    actions.add(planned(autoUser, action, autoUser.locked() ? "locked, no live connection"
                            : "not locked, no live connection"));
                }
            }
        }
        return new CleanupPlan(action, actions, refused, Instant.now())
                .withWarnings(census.unlistedWarning().stream().toList());
    }

    /** The members or routers that cannot be asked for sessions right now (and were not accepted). */
    public List<SessionCensus.NodeAnswer> silentNodes() {
        return SessionProbe.census(gateway).blocking(gateway.unverifiedAllowed());
    }

    /**
     * Runs {@code work} (a plan or its execution) with these hosts' silence explicitly accepted, for
     * this call only: the GUI's override applies to the one action the person confirmed.
     */
    public <T> T withUnverifiedAllowed(java.util.Collection<String> hosts, java.util.function.Supplier<T> work) {
        java.util.Set<String> before = gateway.unverifiedAllowed();
        java.util.Set<String> allowed = new java.util.HashSet<>(before);
        allowed.addAll(hosts);
        gateway.allowUnverified(allowed);
        try {
            return work.get();
        } finally {
            gateway.allowUnverified(before);
        }
    }

    /** Every user refused: a node that could not be asked might hold any of their sessions. */
    private static List<CleanupPlan.Refusal> refuseAll(List<String> names, List<SessionCensus.NodeAnswer> silent) {
        String reason = SessionCensus.refusal(silent);
        return names.stream().map(name -> new CleanupPlan.Refusal(name, reason)).toList();
    }

    /** A lock of a user that is locked and holds no roles would change nothing. */
    private static boolean alreadyDone(AutoUser user, CleanupAction action) {
        return action == CleanupAction.LOCK && user.locked() && user.roles().isEmpty();
    }

    /** Runs a plan; each user's result is reported as it happens, and failures do not stop the rest. */
    public CleanupReport execute(CleanupPlan plan, ProgressListener listener) {
        AuditLog run = audit.inRun(runName(plan));
        AuditTrail trail = new AuditTrail(run, gateway.server(), gateway.identity());
        // before any record or change: a log that cannot be written stops everything here
        trail.checkWritable();
        if (!gateway.unverifiedAllowed().isEmpty() && !plan.actions().isEmpty()) {
            // The person chose to act without some nodes' sessions: that choice is part of the run's record.
            trail.note("--allow-unverified " + String.join(" --allow-unverified ", gateway.unverifiedAllowed().stream().sorted().toList()),
                    String.join(",", plan.userNames()), "override: " + plan.action().name().toLowerCase(java.util.Locale.ROOT)
                            + " goes ahead even if the sessions on these hosts cannot be checked");
        }
        CleanupRunAudit.recordRefusals(trail, plan);
        return new CleanupExecutor(gateway, run, listener, afterRecheck).execute(plan);
    }

    /** A dry run leaves a trace too: each planned user, its commands, marked as not run. */
    public void recordDryRun(CleanupPlan plan) {
        CleanupRunAudit.recordDryRun(audit, gateway.server(), gateway.identity(), plan);
    }

    private static String runName(CleanupPlan plan) {
        return CleanupRunAudit.runName(plan);
    }

    public CleanupReport lock(List<String> users, ProgressListener listener) {
        return execute(planFor(CleanupAction.LOCK, users), listener);
    }

    public CleanupReport drop(List<String> users, ProgressListener listener) {
        return execute(planFor(CleanupAction.DROP, users), listener);
    }

    static String connected(List<LiveSession> sessions) {
        List<String> from = sessions.stream().map(LiveSession::clientAddress).filter(a -> !a.isEmpty()).distinct().toList();
        return "has " + sessions.size() + (sessions.size() == 1 ? " live connection" : " live connections")
                + (from.isEmpty() ? "" : " from " + String.join(", ", from));
    }

    private static PlannedAction planned(AutoUser user, CleanupAction action, String reason) {
        String name = user.mongoName();
        List<String> commands = new ArrayList<>();
        commands.add(UserCommands.lockCommand(name).shellText());
        if (action == CleanupAction.DROP) {
            commands.add(UserCommands.noSessionCheck(name) + "  // must return nothing");
            commands.add(UserCommands.dropCommand(name).shellText());
        }
        return new PlannedAction(name, action, reason, commands, user);
    }

}
