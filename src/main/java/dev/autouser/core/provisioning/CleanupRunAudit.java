package dev.autouser.core.provisioning;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.audit.AuditRecord;
import dev.autouser.core.audit.AuditTrail;
import dev.autouser.core.audit.Mark;
import dev.autouser.core.audit.Refusals;

/** What every engine's lock/drop/cleanup run writes to the audit log besides its changes: run name, refusals, dry runs. */
public final class CleanupRunAudit {
    private CleanupRunAudit() {
    }

    /** "drop 3 users": what the audit calls the run when the caller did not name it. */
    public static String runName(CleanupPlan plan) {
        int users = plan.actions().size() + plan.refused().size();
        return plan.action().verb() + " " + users + (users == 1 ? " user" : " users");
    }

    /** One refusal record per user the plan refused, in the shape every command uses. */
    public static void recordRefusals(AuditTrail trail, CleanupPlan plan) {
        for (CleanupPlan.Refusal refusal : plan.refused()) {
            trail.note(plan.action().verb() + " " + refusal.mongoName(), refusal.mongoName(),
                    Refusals.RESULT_PREFIX + refusal.reason());
        }
    }

    /** A dry run leaves a trace too: each planned user, its commands, marked as not run. */
    public static void recordDryRun(AuditLog audit, String server, String identity, CleanupPlan plan) {
        AuditLog run = audit.inRun(runName(plan)).marked(Mark.DRY_RUN);
        for (PlannedAction action : plan.actions()) {
            run.append(AuditRecord.now(server, identity, String.join("\n", action.commands()),
                    action.mongoName(), "dry run: not run"));
        }
    }
}
