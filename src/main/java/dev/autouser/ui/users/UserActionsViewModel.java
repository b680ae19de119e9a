package dev.autouser.ui.users;

import dev.autouser.ui.support.BackgroundWork;
import dev.autouser.core.export.UserExport;
import dev.autouser.core.provisioning.AutoUser;
import dev.autouser.core.provisioning.CleanupAction;
import dev.autouser.core.provisioning.CleanupPlan;
import dev.autouser.core.provisioning.SessionCensus;
import dev.autouser.core.provisioning.CleanupReport;
import dev.autouser.core.provisioning.PlannedAction;
import dev.autouser.core.provisioning.UserCleanup;
import dev.autouser.core.provisioning.UserResult;
import dev.autouser.core.provisioning.UserState;
import dev.autouser.ui.support.Confirmation;
import dev.autouser.ui.support.DialogService;
import dev.autouser.ui.support.FxExecutors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Lock, Drop, Copy (as mongosh or SQL) and Export for the selected users, on either engine. Destructive
 * actions go through core's plan (which re-reads the users and refuses connected and unmanaged ones), a
 * confirmation that names the users, the count and the commands, and then core's executor, which audits.
 * A PostgreSQL drop of users who own objects first asks whether to keep them locked or reassign the objects.
 */
public final class UserActionsViewModel {
    /** Which command "Copy as mongosh" copies. */
    public enum CopyKind { INSPECT, LOCK, DROP }

    private final UserChanges changes;
    private final DialogService dialogs;
    private final BackgroundWork work;
    private final Runnable afterChange;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    /** MongoDB's page. */
    public UserActionsViewModel(UserCleanup cleanup, DialogService dialogs, FxExecutors executors, Runnable afterChange) {
        this(UserChanges.mongo(cleanup), dialogs, executors, afterChange);
    }

    /** Either engine's page. */
    public static UserActionsViewModel on(UserChanges changes, DialogService dialogs, FxExecutors executors,
                                          Runnable afterChange) {
        return new UserActionsViewModel(changes, dialogs, executors, afterChange);
    }

    private UserActionsViewModel(UserChanges changes, DialogService dialogs, FxExecutors executors, Runnable afterChange) {
        this.changes = changes;
        this.dialogs = dialogs;
        this.work = new BackgroundWork(executors, dialogs, busy);
        this.afterChange = afterChange;
    }

    public void lock(List<UserRow> selected) {
        lock(ChosenUsers.of(selected));
    }

    public void drop(List<UserRow> selected) {
        drop(ChosenUsers.of(selected));
    }

    /** Locks the users captured at the click; users a refresh deselected since are named, never replaced. */
    public void lock(ChosenUsers chosen) {
        change(CleanupAction.LOCK, chosen);
    }

    public void drop(ChosenUsers chosen) {
        change(CleanupAction.DROP, chosen);
    }

    /** Why a row cannot be locked or dropped right now, or null when it can. */
    public static String whyNot(UserRow row) {
        return row.state() == UserState.ACTIVE
                ? row.teleportNameProperty().get() + " has " + row.sessionsProperty().get()
                        + (row.sessionsProperty().get() == 1 ? " live connection" : " live connections")
                        + ": active users are never locked or dropped"
                : null;
    }

    private void change(CleanupAction action, ChosenUsers chosen) {
        List<UserRow> selected = chosen.rows();
        List<String> names = chosen.names();
        if (busy.get()) {
            return;
        }
        if (names.isEmpty()) {
            if (!chosen.deselected().isEmpty()) {
                dialogs.showError("Nothing to " + action.verb() + ": " + String.join("; ", chosen.deselected())
                        + ", so it is no longer selected.", null);
            }
            return;
        }
        List<String> activeHere = selected.stream().map(UserActionsViewModel::whyNot)
                .filter(java.util.Objects::nonNull).toList();
        if (activeHere.size() == names.size()) {
            // Nothing to ask the server: every chosen user is visibly connected.
            dialogs.showError("Cannot " + action.verb() + " " + describe(names) + ": " + String.join("; ", activeHere) + ".", null);
            return;
        }
        work.run("The action failed", () -> new Planned(changes.planFor(action, names), List.of(), changes), planned -> {
            if (planned.plan().isEmpty() && !planned.plan().refused().isEmpty()) {
                work.run("The action failed", () -> changes.silentNodes(),
                        silent -> offerOverride(action, names, planned.plan(), silent, chosen.deselected()));
            } else if (owners(planned.plan()).isEmpty()) {
                confirmAndRun(planned, chosen.deselected());
            } else {
                work.run("The action failed", changes::newOwnerCandidates,
                        roles -> askAboutOwners(names, planned, roles, chosen.deselected()));
            }
        });
    }

    /**
     * A plan, the hosts whose silence the person accepted for it (none by default) and the changes
     * that run it (with a new owner for owned objects when the person chose one).
     */
    private record Planned(CleanupPlan plan, List<String> allowedSilent, UserChanges via) {
    }

    /** Users of a drop who own objects (PostgreSQL; MongoDB users own none). */
    private static List<PlannedAction> owners(CleanupPlan plan) {
        return plan.action() != CleanupAction.DROP ? List.of()
                : plan.actions().stream().filter(a -> a.before().ownedObjectCount() > 0).toList();
    }

    /**
     * PostgreSQL refuses to drop a role that owns objects: before the confirmation, the person says
     * whether those users stay locked (Teleport's fallback) or their objects go to a role; the plan is
     * then made again with that choice, so the confirmation shows the exact SQL that will run.
     */
    private void askAboutOwners(List<String> names, Planned planned, List<String> roles, List<String> deselected) {
        String owned = owners(planned.plan()).stream().map(a -> a.mongoName() + " owns " + String.join(", ",
                a.before().ownedObjects().stream().map(dev.autouser.core.provisioning.OwnedObjects::describe).toList()))
                .collect(Collectors.joining("; "));
        String message = owned + ". PostgreSQL refuses to drop a role that owns objects.";
        dialogs.chooseForOwnedObjects(message, roles).ifPresent(choice -> {
            if (choice.reassignTo().isEmpty()) {
                confirmAndRun(planned, deselected);
                return;
            }
            UserChanges reassigning = changes.reassigningOwnedTo(choice.reassignTo().get());
            work.run("The action failed", () -> new Planned(reassigning.planFor(CleanupAction.DROP, names), List.of(),
                    reassigning), replanned -> confirmAndRun(replanned, deselected));
        });
    }

    /**
     * Every user was refused because a member or mongos did not answer: plan again as if its silence
     * were accepted, and show the usual dialog with an unticked checkbox naming the host; the action
     * runs only when the person ticks it (this one action, audited like --allow-unverified).
     */
    private void offerOverride(CleanupAction action, List<String> names, CleanupPlan refused,
                               List<SessionCensus.NodeAnswer> silent, List<String> deselected) {
        if (silent.isEmpty()) {
            confirmAndRun(new Planned(refused, List.of(), changes), deselected);
            return;
        }
        List<String> hosts = silent.stream().map(n -> n.node().host()).toList();
        work.run("The action failed", () -> new Planned(changes.withUnverifiedAllowed(hosts,
                () -> changes.planFor(action, names)), hosts, changes), planned -> confirmAndRun(planned, deselected));
    }

    private void confirmAndRun(Planned planned, List<String> deselected) {
        CleanupPlan plan = planned.plan();
        if (plan.isEmpty()) {
            dialogs.showError("Nothing to " + plan.action().verb() + ": " + refusals(plan) + ".", null);
            return;
        }
        String verb = plan.action() == CleanupAction.DROP ? "Drop" : "Lock";
        String message = verb + " " + describe(plan.userNames()) + "?"
                + (plan.refused().isEmpty() ? "" : " Skipped: " + refusals(plan) + ".")
                + (deselected.isEmpty() ? "" : " Not included (deselected since you chose): "
                        + String.join("; ", deselected) + ".")
                + (plan.action() == CleanupAction.DROP
                ? " Each user is locked first, checked for new connections, then dropped."
                : " Locking keeps the user but refuses every new login until Teleport activates it again.");
        List<String> keptLocked = keptLocked(plan);
        if (!keptLocked.isEmpty()) {
            message += " " + String.join(", ", keptLocked) + (keptLocked.size() == 1 ? " owns" : " own")
                    + " objects: PostgreSQL will refuse " + (keptLocked.size() == 1 ? "its" : "their")
                    + " drop and " + (keptLocked.size() == 1 ? "it stays" : "they stay") + " locked, as Teleport does (TP004).";
        }
        if (!planned.allowedSilent().isEmpty()) {
            message = "The sessions on " + String.join(", ", planned.allowedSilent()) + " cannot be checked. " + message;
        }
        Confirmation confirmation = new Confirmation(verb + " auto-users", message, plan.userNames(),
                commands(plan), Confirmation.countLabel(verb, plan.actions().size()), plan.action() == CleanupAction.DROP,
                planned.allowedSilent().isEmpty() ? "" : Confirmation.overrideCheck(planned.allowedSilent()));
        if (!dialogs.confirm(confirmation)) {
            return;
        }
        work.run("The action failed", () -> planned.via().withUnverifiedAllowed(planned.allowedSilent(),
                () -> planned.via().execute(plan)), report -> report(verb, report, keptLocked));
    }

    /** Owners in a drop planned without a new owner: PostgreSQL will refuse their drop and they stay locked. */
    private static List<String> keptLocked(CleanupPlan plan) {
        return owners(plan).stream().filter(a -> a.commands().stream().noneMatch(c -> c.contains("REASSIGN OWNED")))
                .map(PlannedAction::mongoName).toList();
    }

    private void report(String verb, CleanupReport report, List<String> keptLocked) {
        afterChange.run();
        List<UserResult> failed = report.with(UserResult.Status.FAILED);
        List<UserResult> skipped = report.with(UserResult.Status.SKIPPED);
        if (failed.isEmpty() && skipped.isEmpty()) {
            // All done: the notice is the only result the person sees, so it carries an override too.
            String override = report.results().stream().map(UserResult::detail).filter(d -> d.contains("; override: "))
                    .map(d -> " Override: " + d.substring(d.indexOf("; override: ") + "; override: ".length()) + ".")
                    .findFirst().orElse("");
            dialogs.finished(verb + " finished", capitalize(report.summary()) + "." + override, false);
            return;
        }
        String details = java.util.stream.Stream.concat(failed.stream(), skipped.stream())
                .map(r -> r.mongoName() + ": " + r.status().name().toLowerCase() + " — " + r.detail()
                        + (r.status() == UserResult.Status.SKIPPED && keptLocked.contains(r.mongoName()) ? HOW_TO_REASSIGN : ""))
                .collect(Collectors.joining("\n"));
        dialogs.showError(capitalize(report.summary()) + ".", new IllegalStateException(details));
    }

    public void copy(CopyKind kind, List<UserRow> selected) {
        List<String> names = selected.stream().map(UserRow::mongoName).toList();
        if (names.isEmpty()) {
            return;
        }
        String text = changes.copyText(kind, names);
        dialogs.copyToClipboard(text);
        long count = text.lines().filter(line -> !line.isBlank()).count(); // one command per line
        dialogs.notify("Copied " + count + (count == 1 ? " command" : " commands") + " to the clipboard.");
    }

    /** Writes the rows in view (filtered and sorted as shown) to a file the person chooses. */
    public void export(UserExport.Format format, List<UserRow> inView) {
        List<AutoUser> users = inView.stream().map(UserRow::user).toList();
        java.util.Map<String, dev.autouser.core.history.UserEvidence> evidence = new java.util.HashMap<>();
        inView.forEach(row -> {
            if (row.evidenceProperty().get().evidence() != null) {
                evidence.put(row.mongoName(), row.evidenceProperty().get().evidence());
            }
        });
        dialogs.chooseSaveFile("Export " + users.size() + " users", "auto-users." + format.extension())
                .ifPresent(file -> exportTo(file, format, users, evidence));
    }

    public void exportTo(Path file, UserExport.Format format, List<AutoUser> users,
                         java.util.Map<String, dev.autouser.core.history.UserEvidence> evidence) {
        work.run("The action failed", () -> {
            try {
                Files.writeString(file, UserExport.render(format, users, evidence));
                return file;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("Cannot write " + file, e);
            }
        }, written -> dialogs.notify("Exported " + users.size() + " users to " + written.getFileName() + "."));
    }

    /**
     * The console's way past owned objects, after the result of a user the plan saw owning some (the core
     * says only that they must be reassigned first; the CLI names its option).
     */
    private static final String HOW_TO_REASSIGN = ". It owns objects: to drop it, drop it again and choose a role to take them.";

    /** Which engine the page changes (the copy menu names its shell). */
    public dev.autouser.core.engine.Engine engine() {
        return changes.engine();
    }

    static String commands(CleanupPlan plan) {
        return plan.actions().stream().map(PlannedAction::commands).flatMap(List::stream)
                .collect(Collectors.joining("\n"));
    }

    static String refusals(CleanupPlan plan) {
        return plan.refused().stream().map(r -> r.mongoName() + " " + r.reason()).collect(Collectors.joining("; "));
    }

    static String describe(List<String> names) {
        if (names.size() <= 3) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
