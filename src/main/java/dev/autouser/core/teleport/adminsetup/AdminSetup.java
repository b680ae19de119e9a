package dev.autouser.core.teleport.adminsetup;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.mongo.CommandRunner;

import java.util.List;
import java.util.function.Consumer;

/**
 * The admin-setup feature over one connection: verify (read + drift), plan (commands + script),
 * and apply (run the plan, then verify again so the caller can say "nothing left to change").
 */
public final class AdminSetup {
    private final SetupReader reader;
    private final SetupApplier applier;

    /** Every change apply makes is written to {@code audit} with its result. */
    public AdminSetup(CommandRunner server, String serverName, String connectedAs, AuditLog audit) {
        this.reader = new SetupReader(server);
        this.applier = new SetupApplier(server, serverName, connectedAs, audit);
    }

    /** The server's state, what differs, and the plan that would fix it. */
    public record Check(ExistingSetup existing, List<Finding> findings, SetupPlan plan) {
        public boolean matches() {
            return DriftAnalyzer.matches(findings);
        }

        public String script() {
            return MongoshScript.render(plan);
        }
    }

    /** An apply run: the check before, each step's result, and the check after. */
    public record Applied(Check before, List<StepResult> steps, Check after) {
        public boolean changedNothing() {
            return before.plan().isEmpty();
        }

        public boolean succeeded() {
            return steps.stream().allMatch(StepResult::succeeded);
        }
    }

    public Check verify(AdminRoleSpec spec) {
        ExistingSetup existing = reader.read(spec);
        return new Check(existing, DriftAnalyzer.analyze(spec, existing), SetupPlanner.plan(spec, existing));
    }

    public Applied apply(AdminRoleSpec spec, Consumer<StepResult> progress) {
        Check before = verify(spec);
        if (before.plan().isEmpty()) {
            return new Applied(before, List.of(), before);
        }
        List<StepResult> steps = applier.apply(before.plan(), progress);
        return new Applied(before, steps, verify(spec));
    }
}
