package dev.autouser.ui.cleanup;

import dev.autouser.core.provisioning.CleanupAction;
import dev.autouser.core.provisioning.OwnedObjects;
import dev.autouser.core.provisioning.PlannedAction;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What a plan does with the users it drops who own objects (PostgreSQL refuses to drop a role that owns
 * any, 2BP01): keep them locked, as Teleport does (TP004), by default; or hand their objects to a role
 * the person picks. The wizard plans with {@link #applyTo} so that the SQL shown is the SQL that runs.
 */
public final class PlanOwners {
    private final ReadOnlyStringWrapper owners = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper newOwner = new ReadOnlyStringWrapper("");
    private final ObservableList<String> candidates = FXCollections.observableArrayList();
    private boolean candidatesRead;
    /** "Reassign" chosen but no role picked yet: the plan shown keeps them locked, and cannot run until a pick. */
    private final javafx.beans.property.ReadOnlyBooleanWrapper awaitingRole = new javafx.beans.property.ReadOnlyBooleanWrapper(false);
    private java.util.Set<String> ownerNames = java.util.Set.of();

    /** The changes to plan with: as they are, or each drop handing the objects to the chosen role first. */
    CleanupChanges applyTo(CleanupChanges changes) {
        return newOwner.get().isEmpty() ? changes : changes.reassigningOwnedTo(newOwner.get());
    }

    void keepLocked() {
        newOwner.set("");
        awaitingRole.set(false);
    }

    /** The person chose to reassign ({@code true}) but has not picked the role yet; picking one or keeping them locked ends it. */
    public void awaitRole(boolean awaiting) {
        awaitingRole.set(awaiting);
    }

    void reassignTo(String role) {
        newOwner.set(role);
        awaitingRole.set(false);
    }

    /** Whether the roles that may take the objects are still to be read (once per wizard). */
    boolean needsCandidates() {
        return !candidatesRead;
    }

    void candidatesRead(List<String> roles) {
        candidatesRead = true;
        candidates.setAll(roles);
    }

    /** The owners among the users a drop plan takes (dropped, or kept locked): "alice (1 in postgres); bob (2 in postgres, 1 in app)", or "". */
    void show(List<PlannedAction> planned) {
        List<PlannedAction> owning = planned.stream().filter(a -> a.before().ownedObjectCount() > 0).toList();
        ownerNames = owning.stream().map(PlannedAction::mongoName).collect(Collectors.toSet());
        owners.set(owning.stream().map(a -> a.mongoName() + " (" + a.before().ownedObjects().stream().map(OwnedObjects::describe)
                        .collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining("; ")));
    }

    /** Whether {@code name} is an owner the plan shown keeps locked (no role takes its objects). */
    boolean keptLocked(String name) {
        return newOwner.get().isEmpty() && ownerNames.contains(name);
    }

    /** What the plan's Action column says: "drop", "lock", or that an owner stays locked (a lock in a drop plan). */
    String actionOf(PlannedAction planned) {
        return planned.action() == CleanupAction.LOCK && keptLocked(planned.mongoName())
                ? dev.autouser.core.postgres.PostgresUserActions.STAYS_LOCKED : planned.action().verb();
    }

    /** True while "reassign" is chosen without a role: the run waits for an explicit pick. */
    public javafx.beans.property.ReadOnlyBooleanProperty awaitingRoleProperty() { return awaitingRole.getReadOnlyProperty(); }
    /** "" when the plan drops no user who owns objects. */
    public ReadOnlyStringProperty ownersProperty() { return owners.getReadOnlyProperty(); }
    /** The role that takes the objects; "" keeps the owners locked. */
    public ReadOnlyStringProperty newOwnerProperty() { return newOwner.getReadOnlyProperty(); }
    /** Roles that may take them, the connected role first (core.postgres.NewOwners); none is chosen for the person. */
    public ObservableList<String> candidates() { return candidates; }
}
