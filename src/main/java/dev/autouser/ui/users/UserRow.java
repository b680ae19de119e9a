package dev.autouser.ui.users;

import dev.autouser.core.export.UntrustedText;
import dev.autouser.core.provisioning.AutoUser;
import dev.autouser.core.provisioning.RoleRef;
import dev.autouser.core.provisioning.UserState;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Locale;
import java.util.stream.Collectors;

/** One auto-user in the live table; updated in place when a refresh brings a different value. */
public final class UserRow implements LiveRows.Row<AutoUser> {
    private final ObjectProperty<AutoUser> user = new SimpleObjectProperty<>();
    private final ObjectProperty<UserState> state = new SimpleObjectProperty<>();
    private final StringProperty teleportName = new SimpleStringProperty();
    private final StringProperty cluster = new SimpleStringProperty();
    private final StringProperty roles = new SimpleStringProperty();
    private final IntegerProperty sessions = new SimpleIntegerProperty();
    private final StringProperty clients = new SimpleStringProperty();
    private final StringProperty apps = new SimpleStringProperty();
    private final BooleanProperty highlighted = new SimpleBooleanProperty();
    private final ObjectProperty<RowEvidence> evidence = new SimpleObjectProperty<>(RowEvidence.NONE);
    private final ObjectProperty<AgeCell> lastActive = new SimpleObjectProperty<>(AgeCell.UNKNOWN);
    private final ObjectProperty<AgeCell> lockedSince = new SimpleObjectProperty<>(AgeCell.UNKNOWN);
    private final ObjectProperty<AgeCell> firstSeen = new SimpleObjectProperty<>(AgeCell.UNKNOWN);
    /** Lower-case text the search box matches against, rebuilt only when the value changes. */
    private String searchText = "";

    public UserRow(AutoUser value) {
        apply(value);
    }

    @Override
    public boolean update(AutoUser value) {
        if (value.equals(user.get())) {
            return false;
        }
        apply(value);
        return true;
    }

    private void apply(AutoUser value) {
        user.set(value);
        state.set(value.state());
        // What connected users chose (their names, appName) is shown with control characters escaped.
        teleportName.set(UntrustedText.visible(value.teleportUser()));
        cluster.set(UntrustedText.visible(value.rootCluster().orElse("")));
        roles.set(value.roles().stream().map(RoleRef::toString).collect(Collectors.joining(", ")));
        sessions.set(value.connectionCount());
        clients.set(UntrustedText.visible(String.join(", ", value.clientAddresses())));
        apps.set(UntrustedText.visible(String.join(", ", value.appNames())));
        searchText = String.join("\n", value.mongoName(), teleportName.get(), roles.get(), clients.get(),
                apps.get(), cluster.get()).toLowerCase(Locale.ROOT);
    }

    /** Shows the history's evidence (changes nothing when the texts and evidence are the same). */
    void showEvidence(RowEvidence known) {
        RowEvidence value = known == null ? RowEvidence.NONE : known;
        if (value.sameAs(evidence.get())) {
            return;
        }
        evidence.set(value);
        lastActive.set(value.lastActive());
        lockedSince.set(value.lockedSince());
        firstSeen.set(value.firstSeen());
    }

    ReadOnlyObjectProperty<RowEvidence> evidenceProperty() {
        return evidence;
    }

    ReadOnlyObjectProperty<AgeCell> lastActiveProperty() {
        return lastActive;
    }

    ReadOnlyObjectProperty<AgeCell> lockedSinceProperty() {
        return lockedSince;
    }

    ReadOnlyObjectProperty<AgeCell> firstSeenProperty() {
        return firstSeen;
    }

    public AutoUser user() {
        return user.get();
    }

    public String mongoName() {
        return user.get().mongoName();
    }

    public UserState state() {
        return state.get();
    }

    public boolean matches(String lowerCaseQuery) {
        return lowerCaseQuery.isEmpty() || searchText.contains(lowerCaseQuery);
    }

    public ReadOnlyObjectProperty<AutoUser> userProperty() {
        return user;
    }

    public ReadOnlyObjectProperty<UserState> stateProperty() {
        return state;
    }

    public ReadOnlyStringProperty teleportNameProperty() {
        return teleportName;
    }

    public ReadOnlyStringProperty clusterProperty() {
        return cluster;
    }

    public ReadOnlyStringProperty rolesProperty() {
        return roles;
    }

    public ReadOnlyIntegerProperty sessionsProperty() {
        return sessions;
    }

    public ReadOnlyStringProperty clientsProperty() {
        return clients;
    }

    public ReadOnlyStringProperty appsProperty() {
        return apps;
    }

    public BooleanProperty highlightedProperty() {
        return highlighted;
    }

    @Override
    public String toString() {
        return "UserRow[" + user.get().mongoName() + ", " + state.get() + "]";
    }
}
