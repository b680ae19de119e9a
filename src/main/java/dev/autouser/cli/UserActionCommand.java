package dev.autouser.cli;

import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.provisioning.CleanupAction;
import dev.autouser.core.provisioning.CleanupPlan;
import dev.autouser.core.provisioning.CleanupReport;
import dev.autouser.core.engine.UserActions;
import dev.autouser.core.engine.mongo.MongoEngine;
import dev.autouser.core.postgres.PostgresEngine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/**
 * lock / drop on named users: prints the plan (exact commands), then runs it unless
 * {@code --dry-run}. For a lock, naming the users on the command line is the confirmation; a drop
 * cannot be undone, so it also asks at the terminal like {@code cleanup} (or takes {@code --yes}).
 */
abstract class UserActionCommand extends ConnectedCommand {
    @Parameters(arity = "1..*", paramLabel = "USER", description = "Teleport user (alice) or MongoDB user (CN=alice).")
    List<String> users;

    @Option(names = "--dry-run", description = "Print what would run; change nothing.")
    boolean dryRun;

    @picocli.CommandLine.Mixin
    UnverifiedHostsOption unverified;

    abstract CleanupAction action();

    /** True when the person must still confirm at the terminal before the plan runs. */
    boolean mustConfirm() {
        return false;
    }

    @Override
    int run(MongoGateway gateway) {
        unverified.applyTo(gateway);
        return act(new MongoEngine(gateway).actions(auditLog()), false);
    }

    @Override
    int runPostgres(PostgresEngine engine) {
        unverified.refuseForPostgres();
        UserActions actions = engine.actions(auditLog());
        return reassignTo() == null ? act(actions, true) : act(actions.reassigningOwnedTo(reassignTo()), false);
    }

    /** The role that takes a dropped user's objects (drop only); null: none, a user who owns objects stays locked. */
    String reassignTo() {
        return null;
    }

    /**
     * Plan (printed: the dry run), confirmation where asked, execution: the same for every engine.
     * {@code ownersStayLocked}: a PostgreSQL drop without a new owner, after which the CLI names its option.
     */
    private int act(UserActions actions, boolean ownersStayLocked) {
        CleanupPlan plan = actions.planFor(action(), users);
        plan.describeTo(out());
        if (dryRun) {
            actions.recordDryRun(plan);
            if (ownersStayLocked) {
                OwnedObjectsHint.afterPlan(plan, out());
            }
            out().println("Dry run: nothing was changed.");
            return plan.refused().isEmpty() ? AutoUserCommand.OK : AutoUserCommand.SOME_FAILED;
        }
        if (!plan.isEmpty() && mustConfirm() && !TerminalConfirmation.confirmed(context(), out(), err(), plan)) {
            return AutoUserCommand.SOME_FAILED;
        }
        CleanupReport report = actions.execute(plan, BulkOutput.printer(out()));
        int code = BulkOutput.finish(out(), report);
        if (ownersStayLocked) {
            OwnedObjectsHint.afterRun(plan, report, out());
        }
        return code;
    }
}
