package dev.autouser.ui.cleanup;

import dev.autouser.ui.support.BackgroundWork;
import dev.autouser.core.history.UserEvidence;
import dev.autouser.core.policy.CleanupPolicy;
import dev.autouser.core.policy.PolicyCleanup;
import dev.autouser.core.policy.PolicyDecision;
import dev.autouser.core.policy.PolicyPlan;
import dev.autouser.core.provisioning.CleanupAction;
import dev.autouser.core.provisioning.ProgressListener;
import dev.autouser.core.provisioning.CleanupCriteria;
import dev.autouser.core.provisioning.CleanupPlan;
import dev.autouser.core.provisioning.CleanupReport;
import dev.autouser.core.provisioning.PlannedAction;
import dev.autouser.core.provisioning.UserCleanup;
import dev.autouser.core.provisioning.UserResult;
import dev.autouser.ui.support.Confirmation;
import dev.autouser.ui.support.DialogService;
import dev.autouser.ui.support.ErrorText;
import dev.autouser.ui.support.FxExecutors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The cleanup wizard: criteria → plan (dry run, exact commands) → run with progress → per-user
 * results. Nothing changes before {@link #run()}, and the run executes exactly the plan shown.
 */
public final class CleanupViewModel {
    /** The wizard's pages. */
    public enum Step { CRITERIA, PLAN, RUNNING, RESULTS }

    /** Which stale users to take. Connected users are never taken. */
    public enum Scope {
        BY_AGE("By age and evidence (recommended)", false, false),
        LOCKED_AND_NOT_CLEANED_UP("Locked and not-cleaned-up users", false, false),
        LOCKED_ONLY("Only locked users", true, false),
        NOT_CLEANED_UP_ONLY("Only not-cleaned-up (unlocked) users", false, true);

        private final String label;
        private final boolean lockedOnly;
        private final boolean notCleanedUpOnly;

        Scope(String label, boolean lockedOnly, boolean notCleanedUpOnly) {
            this.label = label;
            this.lockedOnly = lockedOnly;
            this.notCleanedUpOnly = notCleanedUpOnly;
        }

        /** A scope by state only: every such user, whatever its age. */
        boolean byState() {
            return this != BY_AGE;
        }

        CleanupCriteria criteria(CleanupAction action) {
            return new CleanupCriteria(lockedOnly, notCleanedUpOnly, action);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final CleanupChanges changes;
    private final DialogService dialogs;
    private final FxExecutors executors;
    private final BackgroundWork work;
    private final Runnable afterChange;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.CRITERIA);
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(Scope.BY_AGE);
    private final PolicyCriteria policyCriteria = new PolicyCriteria();
    private final Supplier<Map<String, UserEvidence>> evidence;
    private final Clock clock;
    private PolicyPlan policyPlan;
    private final ObservableList<PolicyDecision> notIncluded = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper canRun = new ReadOnlyBooleanWrapper(false);
    private final Function<Path, String> teleportImport;
    private final ReadOnlyStringWrapper importSummary = new ReadOnlyStringWrapper("");
    private final ObjectProperty<CleanupAction> action = new SimpleObjectProperty<>(CleanupAction.DROP);
    private final ReadOnlyObjectWrapper<CleanupPlan> plan = new ReadOnlyObjectWrapper<>();
    private final ObservableList<PlannedAction> planned = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper commands = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper runLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ObservableList<UserResult> results = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    /** Users the plan shown leaves out, and why ("" when none). */
    private final ReadOnlyStringWrapper refusals = new ReadOnlyStringWrapper("");
    /** The override checkbox's text when a silent member or mongos refused every user; "" otherwise. */
    private final ReadOnlyStringWrapper overrideCheck = new ReadOnlyStringWrapper("");
    /** Ticked by the person only: act although those hosts did not answer (audited). */
    private final javafx.beans.property.BooleanProperty override = new javafx.beans.property.SimpleBooleanProperty(false);
    private PlanChoice choice = PlanChoice.NONE;
    private final PlanOwners owned = new PlanOwners();
    /** The users of the plan shown before the owners choice planned again; null when not planning again. */
    private List<String> beforeReplan;
    /** What planning again for the owners choice changed in who is in the plan ("" for a first plan). */
    private final ReadOnlyStringWrapper replanned = new ReadOnlyStringWrapper("");
    /** The changes the plan shown was made with; the run goes through the same (a new owner included). */
    private CleanupChanges plannedWith;
    private final java.util.concurrent.atomic.AtomicBoolean stopAsked = new java.util.concurrent.atomic.AtomicBoolean();
    private final ReadOnlyBooleanWrapper stopping = new ReadOnlyBooleanWrapper(false);

    /**
     * How to show the plan as made, and, when silent hosts refused every user, how to show the plan
     * made with their silence accepted (the override checkbox switches between the two); the changes it
     * was made with, and the roles that may take owned objects when they were read with it (else null).
     */
    private record PlanChoice(Runnable showAsMade, List<String> silentHosts, Runnable showWithOverride,
                              CleanupChanges via, List<String> newOwners) {
        static final PlanChoice NONE = new PlanChoice(() -> { }, List.of(), () -> { }, null, null);
    }

    public CleanupViewModel(UserCleanup cleanup, DialogService dialogs, FxExecutors executors, Runnable afterChange) {
        this(cleanup, Map::of, Clock.systemUTC(), dialogs, executors, afterChange);
    }

    /**
     * @param evidence the evidence of every user's age on this server (one read of the history), asked
     *                 for on each plan
     */
    public CleanupViewModel(UserCleanup cleanup, Supplier<Map<String, UserEvidence>> evidence, Clock clock,
                            DialogService dialogs, FxExecutors executors, Runnable afterChange) {
        this(cleanup, evidence, clock, null, dialogs, executors, afterChange);
    }

    /**
     * @param teleportImport imports a Teleport audit file into this server's history and returns what it
     *                       read, in one sentence; null when the console has no history to import into
     */
    public CleanupViewModel(UserCleanup cleanup, Supplier<Map<String, UserEvidence>> evidence, Clock clock,
                            Function<Path, String> teleportImport, DialogService dialogs, FxExecutors executors,
                            Runnable afterChange) {
        this(CleanupChanges.mongo(cleanup), evidence, clock, teleportImport, dialogs, executors, afterChange);
    }

    /** The wizard over either engine's changes ({@link CleanupChanges#mongo}, {@link CleanupChanges#postgres}). */
    public CleanupViewModel(CleanupChanges changes, Supplier<Map<String, UserEvidence>> evidence, Clock clock,
                            Function<Path, String> teleportImport, DialogService dialogs, FxExecutors executors,
                            Runnable afterChange) {
        this.teleportImport = teleportImport;
        this.evidence = evidence;
        this.clock = clock;
        this.changes = changes;
        this.plannedWith = changes;
        this.dialogs = dialogs;
        this.executors = executors;
        this.work = new BackgroundWork(executors, dialogs, busy);
        this.afterChange = afterChange;
        override.addListener((obs, was, ticked) -> (ticked ? choice.showWithOverride() : choice.showAsMade()).run());
    }

    /** The dry run: reads the users and builds the plan; changes nothing. */
    public void makePlan() {
        CleanupChanges via = owned.applyTo(changes);
        boolean readNewOwners = changes.usersOwnObjects() && owned.needsCandidates();
        if (!scope.get().byState()) {
            CleanupPolicy policy = policyCriteria.policy();
            PolicyCleanup byPolicy = new PolicyCleanup(via.actions(), clock);
            work.run("Planning the cleanup failed", () -> choose(via, readNewOwners, () -> byPolicy.plan(policy, evidence.get()),
                    made -> made.isEmpty() && !(made.lock().refused().isEmpty() && made.drop().refused().isEmpty()),
                    this::showPolicyPlan), this::showChoice, this::planFailed);
            return;
        }
        CleanupCriteria criteria = scope.get().criteria(action.get());
        work.run("Planning the cleanup failed", () -> choose(via, readNewOwners, () -> via.actions().plan(criteria),
                made -> made.isEmpty() && !made.refused().isEmpty(), this::display), this::showChoice, this::planFailed);
    }

    /** Users the plan drops who own objects stay locked, as Teleport does (the default); plans again. */
    public void keepOwnersLocked() {
        owned.keepLocked();
        planAgain();
    }

    /**
     * Plans again for the owners choice; the new plan is a new listing, so who is in it may change (a user
     * became active, another got old enough): {@link #replannedProperty} says what changed.
     */
    private void planAgain() {
        beforeReplan = planned.stream().map(PlannedAction::mongoName).toList();
        replanned.set("Planning again…");
        makePlan();
    }

    /** A plan that failed; when it was a re-plan for the owners choice, the line under the choice says the old plan stays. */
    private void planFailed(Throwable failure) {
        String sentence = ErrorText.sentence("Planning the cleanup failed", failure);
        if (beforeReplan != null) {
            beforeReplan = null;
            replanned.set(sentence + " The plan below is still the one made before this choice.");
        }
        dialogs.showError(sentence, failure);
    }

    /** "Plan made again: + ken, − alice (no longer in it)" or "Plan made again: the same users". */
    private void sayWhatChanged(List<PlannedAction> now) {
        if (beforeReplan == null) {
            replanned.set("");
            return;
        }
        java.util.Set<String> before = new java.util.LinkedHashSet<>(beforeReplan);
        java.util.Set<String> after = new java.util.LinkedHashSet<>(now.stream().map(PlannedAction::mongoName).toList());
        beforeReplan = null;
        List<String> added = after.stream().filter(n -> !before.contains(n)).toList();
        List<String> gone = before.stream().filter(n -> !after.contains(n)).toList();
        replanned.set(added.isEmpty() && gone.isEmpty() ? "Plan made again from a new listing: the same users."
                : "Plan made again from a new listing, and it changed:"
                + (added.isEmpty() ? "" : " added " + String.join(", ", added) + ".")
                + (gone.isEmpty() ? "" : " no longer in it: " + String.join(", ", gone)
                + " (active again, or no longer matching).")
                + " Check the users below before running.");
    }

    /** Users the plan drops hand their objects to {@code role} first; plans again, so the SQL shown is what runs. */
    public void reassignOwnedTo(String role) {
        owned.reassignTo(role);
        planAgain();
    }

    /** Asks the run to stop before the next user (engines that can: {@link CleanupChanges#stopsBetweenUsers()}). */
    public void stop() {
        stopAsked.set(true);
        stopping.set(true);
    }

    /**
     * Background: the plan; if it refused every user and a member or mongos is silent, also the plan
     * as if that silence were accepted, for the override checkbox to switch to.
     */
    private <P> PlanChoice choose(CleanupChanges via, boolean readNewOwners, java.util.function.Supplier<P> planner,
                                  java.util.function.Predicate<P> allRefused, java.util.function.Consumer<P> show) {
        P made = planner.get();
        List<String> newOwners = readNewOwners ? via.newOwnerCandidates() : null;
        if (allRefused.test(made)) {
            List<String> hosts = via.silentNodes().stream().map(n -> n.node().host()).toList();
            if (!hosts.isEmpty()) {
                P withOverride = via.withUnverifiedAllowed(hosts, planner);
                return new PlanChoice(() -> show.accept(made), hosts, () -> show.accept(withOverride), via, newOwners);
            }
        }
        return new PlanChoice(() -> show.accept(made), List.of(), () -> show.accept(made), via, newOwners);
    }

    private void showChoice(PlanChoice made) {
        choice = made;
        plannedWith = made.via();
        if (made.newOwners() != null) {
            owned.candidatesRead(made.newOwners());
        }
        overrideCheck.set(made.silentHosts().isEmpty() ? "" : Confirmation.overrideCheck(made.silentHosts()));
        if (override.get()) {
            override.set(false);
        } else {
            made.showAsMade().run();
        }
        step.set(Step.PLAN);
    }

    /** Imports Teleport's audit events into the history (in the background); the next plan reads them. */
    public void importTeleport(Path file) {
        if (teleportImport == null) {
            return;
        }
        importSummary.set("Importing " + file.getFileName() + "…");
        work.run("Importing Teleport's audit events failed", () -> teleportImport.apply(file), importSummary::set,
                failure -> importSummary.set(ErrorText.sentence("Importing Teleport's audit events failed", failure)));
    }

    public boolean canImportTeleport() {
        return teleportImport != null;
    }

    public ReadOnlyStringProperty importSummaryProperty() { return importSummary.getReadOnlyProperty(); }

    private void showPolicyPlan(PolicyPlan made) {
        policyPlan = made;
        plan.set(null);
        List<PlannedAction> actions = new ArrayList<>(made.lock().actions());
        actions.addAll(made.drop().actions());
        sayWhatChanged(actions);
        planned.setAll(actions);
        notIncluded.setAll(made.decisions().stream().filter(d -> d.verdict() == PolicyDecision.Verdict.UNKNOWN_AGE
                || d.verdict() == PolicyDecision.Verdict.NEVER_SEEN_ACTIVE).toList());
        commands.set(actions.stream().flatMap(a -> a.commands().stream()).collect(Collectors.joining("\n")));
        int locks = made.lock().actions().size();
        int kept = keptLocked(made.drop().actions());
        int drops = made.drop().actions().size() - kept;
        runLabel.set(made.isEmpty() ? "Nothing to do" : runLabel(locks, drops, kept));
        canRun.set(!made.isEmpty());
        owned.show(made.drop().actions());
        refusals.set(leftOut(java.util.stream.Stream.concat(made.lock().refused().stream(),
                made.drop().refused().stream()).toList()));
    }

    private void display(CleanupPlan made) {
        policyPlan = null;
        notIncluded.clear();
        canRun.set(!made.isEmpty());
        plan.set(made);
        refusals.set(leftOut(made.refused()));
        sayWhatChanged(made.actions());
        planned.setAll(made.actions());
        owned.show(made.action() == CleanupAction.DROP ? made.actions() : List.of());
        commands.set(made.actions().stream().flatMap(a -> a.commands().stream()).collect(Collectors.joining("\n")));
        int kept = made.action() == CleanupAction.DROP ? keptLocked(made.actions()) : 0;
        int drops = made.action() == CleanupAction.DROP ? made.actions().size() - kept : 0;
        runLabel.set(made.isEmpty() ? "Nothing to " + made.action().verb()
                : runLabel(made.actions().size() - drops - kept, drops, kept));
    }

    /** The owners a drop plan keeps locked (locks in it: no role takes their objects), counted apart from the drops. */
    private static int keptLocked(List<PlannedAction> dropPlan) {
        return (int) dropPlan.stream().filter(a -> a.action() == CleanupAction.LOCK).count();
    }

    /** "Lock 3 users", "Drop 5 users, keep 2 locked", "Lock 1, drop 2 users": what clicking does, each user once. */
    private static String runLabel(int locks, int drops, int kept) {
        if (drops == 0) {
            return Confirmation.countLabel("Lock", locks + kept);
        }
        return (locks == 0 ? Confirmation.countLabel("Drop", drops)
                : "Lock " + locks + ", drop " + drops + (locks + drops == 1 ? " user" : " users"))
                + (kept == 0 ? "" : ", keep " + kept + " locked");
    }

    /** "Left out: 3 users — the sessions on db2:27017 could not be checked, …" or "". */
    private static String leftOut(List<CleanupPlan.Refusal> refused) {
        return refused.isEmpty() ? "" : "Left out: " + refused.size() + (refused.size() == 1 ? " user" : " users")
                + " — " + refused.stream().map(CleanupPlan.Refusal::reason).distinct().collect(Collectors.joining("; "));
    }

    /** Back to the criteria; the next plan keeps owners locked again until the person chooses otherwise. */
    public void back() {
        if (step.get() == Step.PLAN) {
            owned.keepLocked();
            replanned.set("");
            step.set(Step.CRITERIA);
        }
    }

    /** Runs the plan shown, reporting each user's result as it arrives. */
    public void run() {
        if (!canRun.get() || step.get() != Step.PLAN || owned.awaitingRoleProperty().get()) {
            return;
        }
        CleanupPlan toRun = plan.get();
        PolicyPlan policyToRun = policyPlan;
        results.clear();
        progress.set(0);
        progressText.set("Starting…");
        step.set(Step.RUNNING);
        List<String> accepted = override.get() ? choice.silentHosts() : List.of();
        CleanupChanges via = plannedWith;
        stopAsked.set(false);
        stopping.set(false);
        ProgressListener listener = new ProgressListener() {
            @Override
            public void onResult(UserResult result, int finished, int total) {
                executors.fx().execute(() -> progressed(result, finished, total));
            }

            @Override
            public boolean stopRequested() {
                return stopAsked.get();
            }
        };
        work.run("The cleanup stopped", () -> policyToRun != null
                        ? via.withUnverifiedAllowed(accepted, () -> new PolicyCleanup(via.actions(), clock).execute(policyToRun, listener))
                        : via.withUnverifiedAllowed(accepted, () -> via.actions().execute(toRun, listener)),
                report -> finished(report, null), failure -> finished(null, failure));
    }

    private void progressed(UserResult result, int finished, int total) {
        results.add(inTheWizard(result));
        progress.set(total == 0 ? 1 : (double) finished / total);
        progressText.set(finished + " of " + total + ": " + result.mongoName() + " " + result.status().name().toLowerCase());
    }

    private void finished(CleanupReport report, Throwable failure) {
        busy.set(false);
        afterChange.run();
        step.set(Step.RESULTS);
        if (failure != null) {
            String sentence = ErrorText.sentence("The cleanup stopped", failure);
            summary.set(sentence);
            dialogs.showError(sentence, failure);
            return;
        }
        // The executor's list is authoritative (in plan order); the streamed one was for progress.
        results.setAll(report.results().stream().map(this::inTheWizard).toList());
        progress.set(1);
        summary.set(capitalize(report.summary()) + " in " + report.elapsed().toMillis() + " ms.");
        dialogs.finished("Cleanup finished", capitalize(report.summary()) + ".", report.failed() + report.skipped() > 0);
    }

    /**
     * An owner the plan kept locked gets the wizard's way past its objects (the core's result says only
     * that they must be reassigned first).
     */
    private UserResult inTheWizard(UserResult result) {
        return result.status() != UserResult.Status.FAILED && owned.keptLocked(result.mongoName())
                ? new UserResult(result.mongoName(), result.action(), result.status(), result.detail()
                + ". It owns objects: to drop it, plan again and choose a role to take them") : result;
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    public ReadOnlyObjectProperty<Step> stepProperty() { return step.getReadOnlyProperty(); }
    public ObjectProperty<Scope> scopeProperty() { return scope; }
    public ObjectProperty<CleanupAction> actionProperty() { return action; }
    public PolicyCriteria policyCriteria() { return policyCriteria; }
    /** Users the policy could not judge (age unknown) or flags (never seen active): listed, not in the plan. */
    public ObservableList<PolicyDecision> notIncluded() { return notIncluded; }
    public ReadOnlyBooleanProperty canRunProperty() { return canRun.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<CleanupPlan> planProperty() { return plan.getReadOnlyProperty(); }
    public ObservableList<PlannedAction> planned() { return planned; }
    public ReadOnlyStringProperty commandsProperty() { return commands.getReadOnlyProperty(); }
    public ReadOnlyStringProperty runLabelProperty() { return runLabel.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty progressTextProperty() { return progressText.getReadOnlyProperty(); }
    public ObservableList<UserResult> results() { return results; }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** After the owners choice planned again: whether, and how, the users in the plan changed. */
    public ReadOnlyStringProperty replannedProperty() { return replanned.getReadOnlyProperty(); }
    public ReadOnlyStringProperty refusalsProperty() { return refusals.getReadOnlyProperty(); }
    public ReadOnlyStringProperty overrideCheckProperty() { return overrideCheck.getReadOnlyProperty(); }
    public javafx.beans.property.BooleanProperty overrideProperty() { return override; }
    public List<UserResult> resultsSnapshot() { return List.copyOf(results); }
    public dev.autouser.core.engine.Engine engine() { return changes.engine(); }
    /** PostgreSQL: what the plan does with users it drops who own objects. */
    public PlanOwners ownedObjects() { return owned; }
    /** Whether a run can be stopped between two users (PostgreSQL); MongoDB's runs go to the end. */
    public boolean canStop() { return changes.stopsBetweenUsers(); }
    public ReadOnlyBooleanProperty stoppingProperty() { return stopping.getReadOnlyProperty(); }
}
