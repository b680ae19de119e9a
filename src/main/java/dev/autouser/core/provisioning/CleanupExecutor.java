package dev.autouser.core.provisioning;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.audit.AuditTrail;
import dev.autouser.core.audit.AuditUnwritableException;
import dev.autouser.core.ConnectionLostException;
import dev.autouser.core.ConsoleException;
import dev.autouser.core.mongo.MongoCommand;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.mongo.WriteNotConfirmedException;
import org.bson.Document;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Executes a {@link CleanupPlan}. Per batch of {@value #BATCH} users one exact-match usersInfo
 * re-checks that each user still exists and is managed by Teleport. Then, in groups of
 * {@value #GROUP}: one $currentOp re-checks sessions right before locking, each user is locked, and
 * one more $currentOp verifies that no session slipped in before the lock took effect, and another
 * one, a moment later, catches a login the server admitted before the lock but attached after that
 * check; such a user gets its lock undone and is left. Only verified users are dropped, right away, so a user who
 * connected in between is locked for a few round trips at most.
 *
 * <p>Every change is audited (intent before, outcome after); a lost connection or an audit log
 * that can no longer be written stops the run, and every user not reached is reported "not
 * attempted".
 */
final class CleanupExecutor {
    static final int BATCH = 500;
    /** Users locked between two session checks: the window in which a new session can be cut. */
    static final int GROUP = 10;

    private final MongoGateway gateway;
    private final AuditTrail audit;
    private final ProgressListener listener;
    private final Runnable afterRecheck;
    private final List<UserResult> results = new ArrayList<>();
    /** Silent hosts whose sessions the person accepted not to check, as seen by this run's censuses. */
    private final java.util.Set<String> actedWithout = new java.util.TreeSet<>();
    private int total;
    private String stopReason;
    /** When the last lock was confirmed: the second session check waits from there. */
    private long lastLockNanos;

    CleanupExecutor(MongoGateway gateway, AuditLog audit, ProgressListener listener, Runnable afterRecheck) {
        this.gateway = gateway;
        // grouped: each intent still reaches the disk before its change; outcomes ride along with the next one
        this.audit = new AuditTrail(audit, gateway.server(), gateway.identity()).grouped();
        this.listener = listener;
        this.afterRecheck = afterRecheck;
    }

    CleanupReport execute(CleanupPlan plan) {
        long started = System.nanoTime();
        total = plan.actions().size() + plan.refused().size();
        for (CleanupPlan.Refusal refusal : plan.refused()) {
            report(UserResult.skipped(refusal.mongoName(), plan.action(), "refused: " + refusal.reason()));
        }
        List<String> names = plan.actions().stream().map(PlannedAction::mongoName).toList();
        try {
            if (!names.isEmpty()) {
                audit.checkWritable();
            }
            for (int start = 0; start < names.size(); start += BATCH) {
                runBatch(plan.action(), names.subList(start, Math.min(names.size(), start + BATCH)));
            }
        } catch (Stop stop) {
            stopReason = stop.reason;
            notAttempted(plan.action(), names, stop.reason);
        } catch (AuditUnwritableException e) {
            stopReason = e.getMessage();
            notAttempted(plan.action(), names, e.getMessage());
        } finally {
            syncAudit(names);
        }
        return new CleanupReport(results, Duration.ofNanos(System.nanoTime() - started), stopReason);
    }

    private void runBatch(CleanupAction action, List<String> names) {
        Map<String, Document> current = recheck(() -> new UsersInfoReader(gateway).withRestrictions(names));
        for (int start = 0; start < names.size(); start += GROUP) {
            runGroup(action, names.subList(start, Math.min(names.size(), start + GROUP)), current);
        }
    }

    private void runGroup(CleanupAction action, List<String> names, Map<String, Document> current) {
        Map<String, List<LiveSession>> sessions = recheck(this::sessionsNow);
        afterRecheck.run();
        List<Document> locked = new ArrayList<>();
        for (String name : names) {
            Document user = current.get(name);
            if (user == null) {
                report(UserResult.skipped(name, action, "no longer exists"));
            } else if (!UserRecords.isAutoUser(user)) {
                report(UserResult.skipped(name, action, "no longer managed by Teleport: not touched"));
            } else if (sessions.containsKey(name)) {
                report(UserResult.skipped(name, action, "connected since the plan: " + UserCleanup.connected(sessions.get(name))));
            } else if (lock(name, action)) {
                locked.add(user);
            }
        }
        if (!locked.isEmpty()) {
            verifyLocked(action, locked);
        }
    }

    /** Locks one user; false (and reported) when the server refused. */
    private boolean lock(String name, CleanupAction action) {
        MongoCommand command = UserCommands.majority(UserCommands.lockCommand(name), gateway.timeout());
        try {
            audit.change(command, name, () -> gateway.run(command), reply -> "ok");
            lastLockNanos = System.nanoTime();
            return true;
        } catch (AuditUnwritableException e) {
            e.applied().ifPresent(applied -> report(UserResult.failed(name, action,
                    "locked, but the audit log could not record it")));
            throw e;
        } catch (ConnectionLostException e) {
            report(UserResult.failed(name, action, lostWhile("locking", e)));
            throw new Stop(e);
        } catch (WriteNotConfirmedException e) {
            report(UserResult.failed(name, action, "locked on the primary, but not confirmed by the replica set: "
                    + (action == CleanupAction.DROP ? "not dropped" : "not verified") + ", it stays locked (" + e.getMessage() + ")"));
            return false;
        } catch (ConsoleException e) {
            report(UserResult.failed(name, action, "lock failed: " + e.getMessage()));
            return false;
        }
    }

    /**
     * The checks after locking: a session that authenticated just before its lock undoes it, whether
     * it is seen right away or, attached late, by the second check ({@link LateLoginCheck}).
     */
    private void verifyLocked(CleanupAction action, List<Document> locked) {
        Map<String, List<LiveSession>> sessions;
        Map<String, List<dev.autouser.core.mongo.Deployment.Node>> lagging;
        Map<dev.autouser.core.mongo.Deployment.Node, String> staleRouters;
        try {
            // Every member must have the lock before the last session check, or the user could log in there after it.
            lagging = LockReplication.notAppliedEverywhere(gateway, locked.stream().map(CleanupExecutor::name).toList());
            // Likewise every mongos: one that still caches the user lets it in with its old roles.
            staleRouters = RouterUserCaches.invalidate(gateway);
            sessions = LateLoginCheck.withLateLogins(sessionsNow(), locked.stream().map(CleanupExecutor::name).toList(),
                    lastLockNanos, this::sessionsNow);
        } catch (ConsoleException e) {
            String why = e instanceof ConnectionLostException ? "the connection was lost" : "the check failed";
            locked.forEach(u -> report(UserResult.failed(name(u), action, "locked, but " + why
                    + " before verifying that it has no session: it stays locked (" + e.getMessage() + ")")));
            throw new Stop(e);
        }
        for (Document before : locked) {
            String name = name(before);
            if (sessions.containsKey(name)) {
                undoLock(action, before, sessions.get(name));
            } else if (lagging.containsKey(name)) {
                reportLagging(action, name, lagging.get(name));
            } else if (!staleRouters.isEmpty()) {
                reportStaleRouters(action, name, staleRouters);
            } else if (action == CleanupAction.DROP) {
                drop(name);
            } else {
                report(UserResult.done(name, action, "locked, verified without session"));
            }
        }
    }

    /** The lock is on the primary (and a majority), but a member still lets the user log in. */
    private void reportLagging(CleanupAction action, String name, List<dev.autouser.core.mongo.Deployment.Node> members) {
        LockReplication.Behind behind = LockReplication.behind(members, gateway.timeout());
        String where = behind.members() + ", so " + name + " can still log in there";
        if (action == CleanupAction.DROP) {
            report(UserResult.failed(name, action, "locked, but " + where + ": not dropped, it stays locked; run the"
                    + " drop again once " + behind.until()));
        } else {
            report(UserResult.done(name, action, "locked, verified without session; " + where + " until " + behind.until()));
        }
    }

    /** The lock is in the config servers' store, but a router may still serve the user from its cache. */
    private void reportStaleRouters(CleanupAction action, String name,
                                    Map<dev.autouser.core.mongo.Deployment.Node, String> stale) {
        String why = RouterUserCaches.describe(stale, name);
        if (action == CleanupAction.DROP) {
            report(UserResult.failed(name, action, "locked, but " + why + ": not dropped, it stays locked; run the"
                    + " drop again once that interval has passed"));
        } else {
            report(UserResult.done(name, action, "locked, verified without session; " + why));
        }
    }

    private void drop(String name) {
        MongoCommand command = UserCommands.majority(UserCommands.dropCommand(name), gateway.timeout());
        try {
            audit.change(command, name, () -> gateway.run(command), reply -> "ok");
        } catch (AuditUnwritableException e) {
            e.applied().ifPresent(applied -> report(UserResult.failed(name, CleanupAction.DROP,
                    "dropped, but the audit log could not record it")));
            throw e;
        } catch (ConnectionLostException e) {
            report(UserResult.failed(name, CleanupAction.DROP, "locked; " + lostWhile("dropping", e)));
            throw new Stop(e);
        } catch (WriteNotConfirmedException e) {
            report(UserResult.failed(name, CleanupAction.DROP, "dropped on the primary, but not confirmed by the replica"
                    + " set (" + e.getMessage() + ")"));
            return;
        } catch (ConsoleException e) {
            report(UserResult.failed(name, CleanupAction.DROP, "locked, but the drop failed: " + e.getMessage()));
            return;
        }
        report(UserResult.done(name, CleanupAction.DROP, "locked, verified without session, dropped"));
    }

    /** A session authenticated just before the lock: put the user back as it was, and leave it. */
    private void undoLock(CleanupAction action, Document before, List<LiveSession> sessions) {
        String name = name(before);
        MongoCommand command = UserCommands.majority(UserCommands.restoreCommand(name, RoleRef.fromUserDocument(before),
                UserRecords.restrictions(before)), gateway.timeout());
        String why = "connected while being " + (action == CleanupAction.DROP ? "dropped" : "locked")
                + " (" + UserCleanup.connected(sessions) + ")";
        String notDone = action == CleanupAction.DROP ? "not dropped" : "not locked";
        try {
            audit.change(command, name, () -> gateway.run(command), reply -> "ok: lock undone, " + why);
            report(UserResult.skipped(name, action, why + "; " + notDone + ", lock undone"));
        } catch (AuditUnwritableException e) {
            e.applied().ifPresent(applied -> report(UserResult.skipped(name, action, why + "; lock undone,"
                    + " but the audit log could not record it")));
            throw e;
        } catch (ConnectionLostException e) {
            report(UserResult.failed(name, action, why + "; " + lostWhile("undoing its lock", e)));
            throw new Stop(e);
        } catch (WriteNotConfirmedException e) {
            report(UserResult.failed(name, action, why + "; " + notDone + ", lock undone on the primary, but not"
                    + " confirmed by the replica set (" + e.getMessage() + ")"));
        } catch (ConsoleException e) {
            report(UserResult.failed(name, action, why + "; " + notDone + ", but it stays locked: " + e.getMessage()));
        }
    }

    /**
     * The one place the executor asks who is connected: right before locking and right after.
     * (Everything about how sessions are found, on which members, lives in {@link SessionProbe}.)
     */
    private Map<String, List<LiveSession>> sessionsNow() {
        SessionCensus census = SessionProbe.census(gateway);
        Map<String, List<LiveSession>> sessions = census.requireComplete(gateway.unverifiedAllowed());
        census.acceptedSilent(gateway.unverifiedAllowed()).forEach(answer -> actedWithout.add(answer.node().host()));
        return sessions;
    }

    /**
     * A result of acting while a node's sessions could not be checked says so itself, not only the
     * run's audit record: "…; override: sessions on db3:27017 not checked (--allow-unverified)".
     */
    private UserResult withOverride(UserResult result) {
        if (actedWithout.isEmpty() || result.status() == UserResult.Status.SKIPPED
                || result.detail().startsWith("not attempted")) {
            return result;
        }
        return new UserResult(result.mongoName(), result.action(), result.status(), result.detail()
                + "; override: sessions on " + String.join(", ", actedWithout) + " not checked (--allow-unverified)");
    }

    private <T> T recheck(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (ConsoleException e) {
            throw new Stop(e);
        }
    }

    private static String lostWhile(String doing, ConnectionLostException e) {
        return e.maybeApplied()
                ? "lost the connection while " + doing + ": the server may or may not have done it (audit: "
                + "\"sent, outcome unknown\"; the next listing or run settles it)"
                : "lost the connection before " + doing + ": nothing was sent";
    }

    /** The end of the batch: the last outcome records reach the disk (the intents already did). */
    private void syncAudit(List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        try {
            audit.sync();
        } catch (AuditUnwritableException e) {
            stopReason = stopReason == null ? e.getMessage() : stopReason;
        }
    }

    /** Every user of the plan without a result yet: the run stopped before reaching them. */
    private void notAttempted(CleanupAction action, List<String> names, String reason) {
        java.util.Set<String> reported = new java.util.HashSet<>();
        results.forEach(r -> reported.add(r.mongoName()));
        for (String name : names) {
            if (!reported.contains(name)) {
                report(UserResult.failed(name, action, "not attempted: " + reason));
            }
        }
    }

    private static String name(Document user) {
        return user.getString("user");
    }

    private void report(UserResult reported) {
        UserResult result = withOverride(reported);
        results.add(result);
        listener.onResult(result, results.size(), total);
    }

    /** Ends the run: the server can no longer be asked or told anything reliably. */
    private static final class Stop extends RuntimeException {
        final String reason;

        Stop(ConsoleException cause) {
            super(cause.getMessage(), cause, false, false);
            this.reason = cause instanceof ConnectionLostException
                    ? "the connection to the server was lost (" + cause.getMessage() + ")"
                    : "the re-check before acting failed (" + cause.getMessage() + ")";
        }
    }
}
