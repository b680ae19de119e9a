package dev.autouser.ui.users;

import dev.autouser.core.provisioning.AutoUser;
import dev.autouser.core.provisioning.AutoUserListing;
import dev.autouser.core.provisioning.UserState;
import dev.autouser.ui.support.DialogService;
import dev.autouser.ui.support.ErrorText;
import dev.autouser.ui.support.FxExecutors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The live auto-user list: refreshes off the FX thread, merges each listing into rows in place,
 * filters and sorts them, and counts users by state. Actions on the selection live in
 * {@link UserActionsViewModel}.
 */
public final class UsersViewModel {
    public static final int DEFAULT_REFRESH_SECONDS = 5;

    private final Supplier<AutoUserListing> lister;
    private final DialogService dialogs;
    private final FxExecutors executors;
    private final Consumer<Instant> onRefreshed;

    private final LiveRows<String, AutoUser, UserRow> rows = new LiveRows<>(AutoUser::mongoName, UserRow::new);
    private final FilteredList<UserRow> filtered = new FilteredList<>(rows.rows());
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<UserState> stateFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<String> roleFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<UserFilter.ClusterFilter> clusterFilter =
            new SimpleObjectProperty<>(UserFilter.ClusterFilter.ANY);
    private final ObservableList<String> knownRoles = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<UserCounts> counts = new ReadOnlyObjectWrapper<>(UserCounts.NONE);
    private final IntegerProperty refreshSeconds = new SimpleIntegerProperty(DEFAULT_REFRESH_SECONDS);
    private final BooleanProperty paused = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper refreshing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper refreshError = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<LiveRows.Merge<UserRow>> lastMerge = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<UserRow> focused = new SimpleObjectProperty<>();
    private long lastApplyNanos;
    /** The last listing by name; only the background step reads and writes it (refreshes never overlap). */
    private final java.util.Map<String, AutoUser> lastListed = new java.util.HashMap<>();

    public UsersViewModel(Supplier<AutoUserListing> lister, DialogService dialogs, FxExecutors executors,
                          Consumer<Instant> onRefreshed) {
        this.lister = lister;
        this.dialogs = dialogs;
        this.executors = executors;
        this.onRefreshed = onRefreshed;
        search.addListener((obs, was, now) -> applyFilter());
        stateFilter.addListener((obs, was, now) -> applyFilter());
        roleFilter.addListener((obs, was, now) -> applyFilter());
        clusterFilter.addListener((obs, was, now) -> applyFilter());
    }

    /** A refresh the person asked for: failures open a dialog as well as the banner. */
    public void refresh() {
        load(true);
    }

    /** The timer's refresh: skipped while paused or while the previous one is still running. */
    public void autoRefresh() {
        if (!paused.get()) {
            load(false);
        }
    }

    private void load(boolean askedFor) {
        if (refreshing.get()) {
            return;
        }
        refreshing.set(true);
        CompletableFuture.supplyAsync(() -> Snapshot.of(lister.get(), lastListed), executors.background())
                .whenCompleteAsync((snapshot, failure) -> {
                    refreshing.set(false);
                    if (failure != null) {
                        String sentence = ErrorText.sentence("Refreshing the users failed", failure);
                        refreshError.set(sentence);
                        if (askedFor) {
                            dialogs.showError(sentence, failure);
                        }
                        return;
                    }
                    apply(snapshot);
                }, executors.fx());
    }

    /** Diffs and applies in one go (tests); the app diffs on the background thread. */
    public void apply(AutoUserListing listing) {
        apply(Snapshot.of(listing, lastListed));
    }

    /** Merges a listing into the rows. Runs on the FX thread; its cost is what the benchmark measures. */
    public void apply(Snapshot snapshot) {
        long start = System.nanoTime();
        LiveRows.Merge<UserRow> merge = rows.apply(snapshot.upserts(), snapshot.vanished());
        counts.set(snapshot.counts());
        if (!snapshot.roles().equals(knownRoles)) {
            knownRoles.setAll(snapshot.roles());
        }
        merge.added().forEach(row -> row.highlightedProperty().set(loaded.get()));
        merge.changed().forEach(row -> row.highlightedProperty().set(true));
        refreshError.set("");
        loaded.set(true);
        lastMerge.set(merge);
        lastApplyNanos = System.nanoTime() - start;
        onRefreshed.accept(snapshot.listing().takenAt());
    }

    /** Ends the highlight of the rows a merge changed (the view calls this after a short pause). */
    public void clearHighlights(LiveRows.Merge<UserRow> merge) {
        merge.added().forEach(row -> row.highlightedProperty().set(false));
        merge.changed().forEach(row -> row.highlightedProperty().set(false));
    }

    private void applyFilter() {
        UserFilter filter = new UserFilter(search.get(), Optional.ofNullable(stateFilter.get()),
                Optional.ofNullable(roleFilter.get()), clusterFilter.get());
        filtered.setPredicate(filter.predicate());
    }

    public void clearFilters() {
        search.set("");
        stateFilter.set(null);
        roleFilter.set(null);
        clusterFilter.set(UserFilter.ClusterFilter.ANY);
    }

    public Optional<UserRow> row(String mongoName) {
        return Optional.ofNullable(rows.find(mongoName));
    }

    /** Rows after filtering, in the table's order: what the table shows and what Export writes. */
    public ObservableList<UserRow> visibleRows() {
        return filtered;
    }

    /** The table's sort order; rows are kept in it across refreshes. */
    public void sortBy(java.util.Comparator<? super UserRow> order) {
        rows.sortBy(order);
    }

    public List<UserRow> allRows() {
        return List.copyOf(rows.rows());
    }

    public long lastApplyNanos() {
        return lastApplyNanos;
    }

    public StringProperty searchProperty() { return search; }
    public ObjectProperty<UserState> stateFilterProperty() { return stateFilter; }
    public ObjectProperty<String> roleFilterProperty() { return roleFilter; }
    public ObjectProperty<UserFilter.ClusterFilter> clusterFilterProperty() { return clusterFilter; }
    public ObservableList<String> knownRoles() { return knownRoles; }
    public ReadOnlyObjectProperty<UserCounts> countsProperty() { return counts.getReadOnlyProperty(); }
    public IntegerProperty refreshSecondsProperty() { return refreshSeconds; }
    public BooleanProperty pausedProperty() { return paused; }
    public ReadOnlyBooleanProperty refreshingProperty() { return refreshing.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadedProperty() { return loaded.getReadOnlyProperty(); }
    public ReadOnlyStringProperty refreshErrorProperty() { return refreshError.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<LiveRows.Merge<UserRow>> lastMergeProperty() { return lastMerge.getReadOnlyProperty(); }
    /** The row whose details the detail pane shows. */
    public ObjectProperty<UserRow> focusedProperty() { return focused; }
}
