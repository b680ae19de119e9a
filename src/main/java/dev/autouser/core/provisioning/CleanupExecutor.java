package dev.autouser.core.provisioning;

import dev.autouser.core.mongo.MongoshSyntax;
import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.audit.AuditRecord;
import dev.autouser.core.mongo.ConsoleException;
import dev.autouser.core.mongo.MongoGateway;
import org.bson.Document;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Executes a {@link CleanupPlan} in batches. Per batch: one exact-match usersInfo and one
 * $currentOp re-check everything the plan assumed; then each user is locked; for a drop, one more
 * $currentOp verifies that no session slipped in before the lock took effect, and only then are the
 * users dropped. A user who connected in between is left as it was (its lock is undone).
 */
final class CleanupExecutor {
    static final int BATCH = 500;

    private final MongoGateway gateway;
    private final AuditLog audit;
    private final ProgressListener listener;
    private final Runnable afterRecheck;
    private final List<UserResult> results = new ArrayList<>();
    private int total;

    CleanupExecutor(MongoGateway gateway, AuditLog audit, ProgressListener listener, Runnable afterRecheck) {
        this.gateway = gateway;
        this.audit = audit;
        this.listener = listener;
        this.afterRecheck = afterRecheck;
    }

    CleanupReport execute(CleanupPlan plan) {
        long started = System.nanoTime();
        total = plan.actions().size() + plan.refused().size();
        for (CleanupPlan.Refusal refusal : plan.refused()) {
            report(UserResult.skipped(refusal.mongoName(), plan.action(), "refused: " + refusal.reason()));
        }
        List<PlannedAction> actions = plan.actions();
        for (int start = 0; start < actions.size(); start += BATCH) {
            runBatch(plan.action(), actions.subList(start, Math.min(actions.size(), start + BATCH)));
        }
        return new CleanupReport(results, Duration.ofNanos(System.nanoTime() - started));
    }

    private void runBatch(CleanupAction action, List<PlannedAction> batch) {
        List<String> names = batch.stream().map(PlannedAction::mongoName).toList();
        Map<String, Document> current;
        Map<String, List<LiveSession>> sessions;
        try {
            current = new UsersInfoReader(gateway).withRestrictions(names);
            sessions = SessionProbe.sessionsByUser(gateway);
        } catch (ConsoleException e) {
            names.forEach(n -> report(UserResult.failed(n, action, "not attempted: could not re-check the user ("
                    + e.getMessage() + ")")));
            return;
        }
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
        if (action == CleanupAction.DROP && !locked.isEmpty()) {
            dropLocked(locked);
        }
    }

    /** Locks one user; for LOCK that is the result, for DROP it is the first step. */
    private boolean lock(String name, CleanupAction action) {
        Document command = UserCommands.lock(name);
        try {
            gateway.run(UserCommands.EXTERNAL, command, "lock " + name);
        } catch (ConsoleException e) {
            audit(name, command, "failed: " + e.getMessage());
            report(UserResult.failed(name, action, "lock failed: " + e.getMessage()));
            return false;
        }
        audit(name, command, "ok");
        if (action == CleanupAction.LOCK) {
            report(UserResult.done(name, action, "locked"));
        }
        return true;
    }

    private void dropLocked(List<Document> locked) {
        Map<String, List<LiveSession>> sessions;
        try {
            sessions = SessionProbe.sessionsByUser(gateway);
        } catch (ConsoleException e) {
            locked.forEach(u -> report(UserResult.failed(u.getString("user"), CleanupAction.DROP,
                    "locked, but not dropped: could not verify that it has no session (" + e.getMessage() + ")")));
            return;
        }
        for (Document before : locked) {
            String name = before.getString("user");
            if (sessions.containsKey(name)) {
                undoLock(before, sessions.get(name));
            } else {
                drop(name);
            }
        }
    }

    private void drop(String name) {
        Document command = UserCommands.dropUser(name);
        try {
            gateway.run(UserCommands.EXTERNAL, command, "drop " + name);
        } catch (ConsoleException e) {
            audit(name, command, "failed: " + e.getMessage());
            report(UserResult.failed(name, CleanupAction.DROP, "locked, but the drop failed: " + e.getMessage()));
            return;
        }
        audit(name, command, "ok");
        report(UserResult.done(name, CleanupAction.DROP, "locked, verified without session, dropped"));
    }

    /** A session authenticated just before the lock: put the user back as it was, and leave it. */
    private void undoLock(Document before, List<LiveSession> sessions) {
        String name = before.getString("user");
        Document command = UserCommands.restore(name, RoleRef.fromUserDocument(before), UserRecords.restrictions(before));
        String why = "connected while being dropped (" + UserCleanup.connected(sessions) + ")";
        try {
            gateway.run(UserCommands.EXTERNAL, command, "undo the lock of " + name);
            audit(name, command, "ok: lock undone, " + why);
            report(UserResult.skipped(name, CleanupAction.DROP, why + "; not dropped, lock undone"));
        } catch (ConsoleException e) {
            audit(name, command, "failed: " + e.getMessage());
            report(UserResult.failed(name, CleanupAction.DROP, why + "; not dropped, but it stays locked: "
                    + e.getMessage()));
        }
    }

    private void audit(String name, Document command, String result) {
        audit.append(AuditRecord.now(gateway.server(), gateway.identity(),
                MongoshSyntax.oneLine(UserCommands.EXTERNAL, command), name, result));
    }

    private void report(UserResult result) {
        results.add(result);
        listener.onResult(result, results.size(), total);
    }
}
