package dev.autouser.core.teleport.adminsetup;

import dev.autouser.core.mongo.MongoErrors;
import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.audit.AuditTrail;
import dev.autouser.core.ConsoleException;
import dev.autouser.core.mongo.CommandRunner;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a plan step by step, reporting each. A step that finds its object already there runs its
 * fallback (so a blind plan stays idempotent); a refusal stops the run, since later steps depend on
 * earlier ones, and says which privilege the connected user lacks.
 */
public final class SetupApplier {
    private final CommandRunner server;
    private final String serverName;
    private final String connectedAs;
    private final AuditLog audit;

    public SetupApplier(CommandRunner server, String serverName, String connectedAs, AuditLog audit) {
        this.server = server;
        this.serverName = serverName;
        this.connectedAs = connectedAs;
        this.audit = audit;
    }

    /**
     * Each step is audited: intent before it is sent, its result after. An audit log that cannot be
     * written stops the run before the first command.
     */
    public List<StepResult> apply(SetupPlan plan, Consumer<StepResult> progress) {
        List<StepResult> results = new ArrayList<>();
        AuditTrail audit = new AuditTrail(this.audit.inRun("admin-setup apply"), serverName, connectedAs);
        audit.checkWritable();
        boolean stopped = false;
        for (PlannedStep step : plan.steps()) {
            StepResult result = stopped ? new StepResult(step, StepResult.Outcome.SKIPPED, "")
                    : audit.change(step.toCommand().scriptText(), step.target(),
                            () -> run(step), StepResult::line);
            stopped = stopped || !result.succeeded();
            results.add(result);
            progress.accept(result);
        }
        return results;
    }

    private StepResult run(PlannedStep step) {
        try {
            server.run(step.db(), step.command());
            return new StepResult(step, StepResult.Outcome.DONE, "");
        } catch (ConsoleException e) {
            if (!e.isRefusal()) {
                throw e;
            }
            if (MongoErrors.isAlreadyExists(e) && step.whenExists().isPresent()) {
                return runFallback(step, step.whenExists().get());
            }
            return refusal(step, step.commandName(), e);
        }
    }

    private StepResult runFallback(PlannedStep step, Document fallback) {
        String name = fallback.keySet().iterator().next();
        try {
            server.run(step.db(), fallback);
            return new StepResult(step, StepResult.Outcome.DONE_AFTER_FALLBACK, "ran " + name + " instead");
        } catch (ConsoleException e) {
            if (!e.isRefusal()) {
                throw e;
            }
            return refusal(step, name, e);
        }
    }

    private StepResult refusal(PlannedStep step, String commandName, ConsoleException e) {
        if (MongoErrors.isUnauthorized(e)) {
            return new StepResult(step, StepResult.Outcome.REFUSED, connectedAs + " is not allowed to run " + commandName + " on "
                    + step.db() + "; someone with userAdminAnyDatabase or root can run the script instead (server said: " + e.getMessage() + ")");
        }
        return new StepResult(step, StepResult.Outcome.FAILED, e.getMessage());
    }
}
