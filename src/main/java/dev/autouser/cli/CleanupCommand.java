package dev.autouser.cli;

import dev.autouser.core.evidence.ServerLogEvidence;
import dev.autouser.core.history.ServerName;
import dev.autouser.core.ConsoleException;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.policy.CleanupPolicy;
import dev.autouser.core.policy.PolicyCleanup;
import dev.autouser.core.policy.PolicyDecision;
import dev.autouser.core.policy.PolicyFile;
import dev.autouser.core.policy.PolicyPlan;
import dev.autouser.core.policy.PolicyReport;
import dev.autouser.core.provisioning.CleanupAction;
import dev.autouser.core.provisioning.CleanupCriteria;
import dev.autouser.core.provisioning.CleanupPlan;
import dev.autouser.core.provisioning.CleanupReport;
import dev.autouser.core.provisioning.UserCleanup;
import dev.autouser.core.engine.UserActions;
import dev.autouser.core.engine.mongo.MongoEngine;
import dev.autouser.core.postgres.PostgresEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

@Command(name = "cleanup", mixinStandardHelpOptions = true,
        description = {"Clean up stale auto-users by policy: lock users Teleport left not cleaned up, drop users locked "
                + "and inactive for long; never a connected user. Prints the plan, with each user's evidence and age, first.",
                "Without --policy the conservative default applies: lock after 60 min not cleaned up; drop after 30 d "
                        + "locked and 30 d not active. Users whose age is unknown are listed, never taken.",
                "Without --yes it asks at the terminal, and refuses when there is none."},
        footer = {"", "Exit codes: 0 ok; 1 some users failed or were refused; 2 usage, policy file or connection error;",
                "3 (policy runs) done, but some users need a person: never seen active, or age unknown."})
final class CleanupCommand extends ConnectedCommand {
    /** A policy run that did its work but could not judge every user. */
    static final int NEEDS_ATTENTION = 3;

    @Option(names = "--policy", paramLabel = "FILE", description = "Cleanup policy (YAML, see README).")
    Path policyFile;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Also write the policy run's JSON report to FILE ('-' for standard output instead of the text).")
    String report;

    @Option(names = "--locked-only", description = "No policy: every locked user, whatever its age.")
    boolean lockedOnly;

    @Option(names = "--not-cleaned-up-only", description = "No policy: every user not cleaned up, whatever its age: not locked and not connected"
            + " (Teleport's session-end step did not run).")
    boolean notCleanedUpOnly;

    @Option(names = "--lock-only", description = "Lock the chosen users instead of dropping them (with a policy: no drops).")
    boolean lockInstead;

    @Option(names = "--dry-run", description = "Print the plan and the exact commands; change nothing.")
    boolean dryRun;

    @picocli.CommandLine.Mixin
    UnverifiedHostsOption unverified;

    @Option(names = "--yes", description = "Act without asking (for scripts).")
    boolean yes;

    private CleanupCriteria criteria;
    private CleanupPolicy policy;

    @Override
    void checkArguments() {
        if (policyFile != null && (lockedOnly || notCleanedUpOnly)) {
            throw new ConsoleException("Choose --policy or --locked-only/--not-cleaned-up-only: a policy already says which users.");
        }
        if (lockedOnly || notCleanedUpOnly) {
            criteria = new CleanupCriteria(lockedOnly, notCleanedUpOnly, lockInstead ? CleanupAction.LOCK : CleanupAction.DROP);
            if (report != null) {
                throw new ConsoleException("--report is for policy runs (without --locked-only/--not-cleaned-up-only).");
            }
            return;
        }
        CleanupPolicy chosen = policyFile == null ? CleanupPolicy.conservative() : PolicyFile.read(policyFile);
        policy = lockInstead ? new CleanupPolicy(chosen.lockNotCleanedUpAfter(), Optional.empty(), Optional.empty())
                : chosen;
    }

    @Override
    boolean recordsListings() {
        return true;
    }

    @Override
    int run(MongoGateway gateway) {
        unverified.applyTo(gateway);
        if (policy == null) {
            return runCriteria(new MongoEngine(gateway).actions(auditLog())
                    .recordingListingsWith(listing -> recorded(gateway, listing)), false);
        }
        // MongoDB's own log first (one getLog), so the listing's evidence below includes it.
        ServerLogEvidence serverLog = ServerLogEvidence.read(gateway);
        recordActivity(serverLog.sightings(ServerName.fromUri(gateway.server())));
        return runPolicy(gateway.server(), new PolicyCleanup(new UserCleanup(gateway, auditLog())
                .recordingListingsWith(listing -> recorded(gateway, listing)), Clock.systemUTC()),
                Optional.of(serverLog.unavailable().orElse("Server log: the last authentication of "
                        + serverLog.lastAuthentication().size() + " users read (log id 5286306).")), false);
    }

    /**
     * The same policies: the ages come from this server's PostgreSQL history (every listing records who
     * was connected, locked or neither); PostgreSQL's own log is not read.
     */
    @Override
    int runPostgres(PostgresEngine engine) {
        unverified.refuseForPostgres();
        UserActions actions = engine.actions(auditLog()).recordingListingsWith(listing -> recorded(engine, listing));
        // cleanup has no new owner to give: users who own objects stay locked, and the CLI says how to drop them
        if (policy == null) {
            return runCriteria(actions, true);
        }
        return runPolicy(engine.server(), new PolicyCleanup(actions, Clock.systemUTC()), Optional.empty(), true);
    }

    private int runPolicy(String server, PolicyCleanup byPolicy, Optional<String> serverLogLine, boolean ownersStayLocked) {
        // The listing the plan is made from is recorded in the history and comes back with its evidence.
        PolicyPlan plan = byPolicy.plan(policy, Map.of());
        boolean jsonOnly = "-".equals(report);
        if (!jsonOnly) {
            serverLogLine.ifPresent(out()::println);
            plan.describeTo(out());
        }
        Optional<CleanupReport> ran = Optional.empty();
        int code;
        if (plan.isEmpty()) {
            code = AutoUserCommand.OK;
            say(jsonOnly, "Nothing to clean up by this policy.");
        } else if (dryRun) {
            byPolicy.recordDryRun(plan);
            if (ownersStayLocked && !jsonOnly) {
                OwnedObjectsHint.afterPlan(plan.drop(), out());
            }
            code = AutoUserCommand.OK;
            say(jsonOnly, "Dry run: nothing was changed.");
        } else if (!yes && !TerminalConfirmation.confirmed(context(), out(), err(), plan.lock(), plan.drop())) {
            return AutoUserCommand.SOME_FAILED;
        } else {
            CleanupReport done = byPolicy.execute(plan, jsonOnly ? (r, f, t) -> { } : BulkOutput.printer(out()));
            ran = Optional.of(done);
            code = BulkOutput.anyNotDone(done) ? AutoUserCommand.SOME_FAILED : AutoUserCommand.OK;
            say(jsonOnly, done.summary() + ".");
            if (ownersStayLocked && !jsonOnly) {
                OwnedObjectsHint.afterRun(plan.drop(), done, out());
            }
        }
        if (code == AutoUserCommand.OK && needsAttention(plan)) {
            code = NEEDS_ATTENTION;
        }
        writeReport(server, plan, ran, code);
        return code;
    }

    private static boolean needsAttention(PolicyPlan plan) {
        return !plan.with(PolicyDecision.Verdict.NEVER_SEEN_ACTIVE).isEmpty()
                || !plan.with(PolicyDecision.Verdict.UNKNOWN_AGE).isEmpty();
    }

    private void say(boolean jsonOnly, String line) {
        (jsonOnly ? err() : out()).println(line);
    }

    private void writeReport(String server, PolicyPlan plan, Optional<CleanupReport> ran, int code) {
        if (report == null) {
            return;
        }
        if ("-".equals(report)) {
            PolicyReport.write(out(), server, plan, ran, code);
            out().println();
            return;
        }
        try (Writer file = Files.newBufferedWriter(Path.of(report))) {
            PolicyReport.write(file, server, plan, ran, code);
        } catch (IOException e) {
            throw new ConsoleException("The report " + report + " cannot be written: " + e.getMessage(), e);
        }
    }

    private int runCriteria(UserActions cleanup, boolean ownersStayLocked) {
        CleanupPlan plan = cleanup.plan(criteria);
        plan.describeTo(out());
        if (plan.isEmpty()) {
            out().println("Nothing to clean up.");
            return AutoUserCommand.OK;
        }
        if (dryRun) {
            cleanup.recordDryRun(plan);
            if (ownersStayLocked) {
                OwnedObjectsHint.afterPlan(plan, out());
            }
            out().println("Dry run: nothing was changed.");
            return AutoUserCommand.OK;
        }
        if (!yes && !TerminalConfirmation.confirmed(context(), out(), err(), plan)) {
            return AutoUserCommand.SOME_FAILED;
        }
        CleanupReport report = cleanup.execute(plan, BulkOutput.printer(out()));
        int code = BulkOutput.finish(out(), report);
        if (ownersStayLocked) {
            OwnedObjectsHint.afterRun(plan, report, out());
        }
        return code;
    }
}
