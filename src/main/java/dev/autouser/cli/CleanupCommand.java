package dev.autouser.cli;

import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.provisioning.CleanupAction;
import dev.autouser.core.provisioning.CleanupCriteria;
import dev.autouser.core.provisioning.CleanupPlan;
import dev.autouser.core.provisioning.CleanupReport;
import dev.autouser.core.provisioning.UserCleanup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "cleanup", mixinStandardHelpOptions = true,
        description = {"Drop stale auto-users (no live connection): lock, verify, drop, one user at a time.",
                "Prints the plan first. Without --yes it asks at the terminal, and refuses when there is none."})
final class CleanupCommand extends ConnectedCommand {
    @Option(names = "--locked-only", description = "Only users that are locked.")
    boolean lockedOnly;

    @Option(names = "--not-cleaned-up-only", description = "Only users not cleaned up: not locked and not connected"
            + " (Teleport's session-end step did not run).")
    boolean notCleanedUpOnly;

    @Option(names = "--lock-only", description = "Lock the chosen users instead of dropping them.")
    boolean lockInstead;

    @Option(names = "--dry-run", description = "Print the plan and the exact commands; change nothing.")
    boolean dryRun;

    @picocli.CommandLine.Mixin
    UnverifiedHostsOption unverified;

    @Option(names = "--yes", description = "Act without asking (for scripts).")
    boolean yes;

    private CleanupCriteria criteria;

    @Override
    void checkArguments() {
        criteria = new CleanupCriteria(lockedOnly, notCleanedUpOnly, lockInstead ? CleanupAction.LOCK : CleanupAction.DROP);
    }

    @Override
    int run(MongoGateway gateway) {
        unverified.applyTo(gateway);
        UserCleanup cleanup = new UserCleanup(gateway, auditLog());
        CleanupPlan plan = cleanup.plan(criteria);
        plan.describeTo(out());
        if (plan.isEmpty()) {
            out().println("Nothing to clean up.");
            return AutoUserCommand.OK;
        }
        if (dryRun) {
            cleanup.recordDryRun(plan);
            out().println("Dry run: nothing was changed.");
            return AutoUserCommand.OK;
        }
        if (!yes && !TerminalConfirmation.confirmed(context(), out(), err(), plan)) {
            return AutoUserCommand.SOME_FAILED;
        }
        CleanupReport report = cleanup.execute(plan, BulkOutput.printer(out()));
        return BulkOutput.finish(out(), report);
    }
}
