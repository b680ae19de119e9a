package dev.autouser.ui.users;

import dev.autouser.core.provisioning.AutoUser;
import dev.autouser.core.provisioning.AutoUserListing;
import dev.autouser.core.provisioning.SessionCensus;
import dev.autouser.core.provisioning.UserState;
import dev.autouser.ui.support.BackgroundWork;
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
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The live auto-user list: refreshes off the FX thread, merges each listing into rows in place,
 * filters and sorts them, and counts users by state. Actions on the selection live in
 * {@link UserActionsViewModel}.
 */
public final class UsersViewModel {
    public static final int DEFAULT_REFRESH_SECONDS = 5;

    private final Lister lister;
    private final DialogService dialogs;
    private final BackgroundWork work;
    private final Consumer<Instant> onRefreshed;

    /** True once a listing brought evidence: a later one without it (history gone) clears the columns. */
    private boolean evidenceShown;
    private final LiveRows<String, AutoUser, UserRow> rows = new LiveRows<>(AutoUser::mongoName, UserRow::new);
    private final FilteredList<UserRow> filtered = new FilteredList<>(rows.rows());
    private final javafx.beans.property.ReadOnlyStringWrapper unlistedWarning =
            new javafx.beans.property.ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyObjectWrapper<List<SessionCensus.NodeAnswer>> nodes =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(List.of());
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<UserState> stateFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<String> roleFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<UserRowFilter.ClusterFilter> clusterFilter =
            new SimpleObjectProperty<>(UserRowFilter.ClusterFilter.ANY);
    private final ObservableList<String> knownRoles = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<UserCounts> counts = new ReadOnlyObjectWrapper<>(UserCounts.NONE);
    private final IntegerProperty refreshSeconds = new SimpleIntegerProperty(DEFAULT_REFRESH_SECONDS);
    private final BooleanProperty paused = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper refreshing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper refreshError = new ReadOnlyStringWrapper("");
    /** Why the server stopped answering ("" while it answers): the window's one health signal. */
    private final StringProperty serverTrouble = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<LiveRows.Merge<UserRow>> lastMerge = new ReadOnlyObjectWrapper<>();
    private final UserSelection selection = new UserSelection();
    private final ReadOnlyObjectWrapper<UserRow> focused = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper selectionNotice = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyLongWrapper reshaped = new javafx.beans.property.ReadOnlyLongWrapper();
    /** True while the rows move under the table: its own selection changes then are not the person's. */
    private final ReadOnlyBooleanWrapper reshaping = new ReadOnlyBooleanWrapper(false);
    private java.util.function.Predicate<UserRow> shown = UserRowFilter.none().predicate();
    /** Held in a field: a binding only its listeners reference can be collected. */
    private final javafx.beans.binding.BooleanBinding stale = loaded.and(refreshError.isNotEmpty());
    private long lastApplyNanos;
    /** The last listing by name; only the background step reads and writes it (refreshes never overlap). */
    private final java.util.Map<String, AutoUser> lastListed = new java.util.HashMap<>();

    /** Lists the users on the refresh's background thread; {@code askedFor} is true for a person's refresh. */
    @FunctionalInterface
    public interface Lister {
        AutoUserListing list(boolean askedFor);
    }

    public UsersViewModel(Supplier<AutoUserListing> lister, DialogService dialogs, FxExecutors executors,
                          Consumer<Instant> onRefreshed) {
        this((Lister) askedFor -> lister.get(), dialogs, executors, onRefreshed);
    }

    /** A lister that does more on a refresh a person asked for (the console reads the server's log then). */
    public UsersViewModel(Lister lister, DialogService dialogs, FxExecutors executors, Consumer<Instant> onRefreshed) {
        this.lister = lister;
        this.dialogs = dialogs;
        this.onRefreshed = onRefreshed;
        this.work = new BackgroundWork(executors, dialogs, refreshing);
        search.addListener((obs, was, now) -> applyFilter());
        stateFilter.addListener((obs, was, now) -> applyFilter());
        roleFilter.addListener((obs, was, now) -> applyFilter());
        clusterFilter.addListener((obs, was, now) -> applyFilter());
        serverTrouble.addListener((obs, was, now) -> {
            if (!now.isEmpty()) {
                // Whichever page is shown: the rows stay, marked as possibly out of date until a listing succeeds.
                if (refreshError.get().isEmpty()) {
                    refreshError.set(now);
                }
            } else if (!was.isEmpty()) {
                load(false); // back: one listing, even while paused, so the rows are current again
            }
        });
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
        work.run("Refreshing the users failed", () -> Snapshot.of(lister.list(askedFor), lastListed), this::apply, failure -> {
            String sentence = ErrorText.sentence("Refreshing the users failed", failure);
            refreshError.set(sentence);
            if (askedFor) {
                dialogs.showError(sentence, failure);
            }
        });
    }

    /** Diffs and applies in one go (tests); the app diffs on the background thread. */
    public void apply(AutoUserListing listing) {
        apply(Snapshot.of(listing, lastListed));
    }

    /** Merges a listing into the rows. Runs on the FX thread; its cost is what the benchmark measures. */
    public void apply(Snapshot snapshot) {
        long start = System.nanoTime();
        LiveRows.Merge<UserRow> merge = reshape(() -> rows.apply(snapshot.upserts(), snapshot.vanished()));
        if (!snapshot.evidence().isEmpty() || evidenceShown) {
            for (UserRow row : rows.rows()) {
                row.showEvidence(snapshot.evidence().get(row.mongoName()));
            }
            evidenceShown = !snapshot.evidence().isEmpty();
        }
        counts.set(snapshot.counts());
        if (!snapshot.listing().nodes().equals(nodes.get())) {
            nodes.set(snapshot.listing().nodes());
        }
        unlistedWarning.set(snapshot.listing().unlistedWarning().orElse(""));
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
        UserRowFilter filter = new UserRowFilter(search.get(), Optional.ofNullable(stateFilter.get()),
                Optional.ofNullable(roleFilter.get()), clusterFilter.get());
        shown = filter.predicate();
        reshape(() -> {
            filtered.setPredicate(shown);
            return null;
        });
    }

    /**
     * Runs a change that moves rows under the table, then holds the selection to the users the person
     * chose: those that vanished or left the view are deselected (and the page says so), the others
     * stay selected wherever their rows went. The view re-selects them when {@link #reshapedProperty()} ticks.
     */
    private <T> T reshape(Supplier<T> change) {
        reshaping.set(true);
        T result;
        try {
            result = change.get();
        } finally {
            reshaping.set(false);
        }
        if (selection.keepPresent(this::whyNotShown)) {
            selectionNotice.set(noticeFor(selection.deselected()));
        }
        focused.set(selection.focused().map(rows::find).orElse(null));
        reshaped.set(reshaped.get() + 1);
        return result;
    }

    private Optional<String> whyNotShown(String name) {
        UserRow row = rows.find(name);
        if (row == null) {
            return Optional.of("no longer exists on the server");
        }
        return shown.test(row) ? Optional.empty()
                : Optional.of("is now " + row.state().name().toLowerCase(java.util.Locale.ROOT)
                        + " and hidden by the filter");
    }

    private static String noticeFor(List<String> deselected) {
        return deselected.isEmpty() ? "" : "Deselected: " + String.join("; ", deselected) + ".";
    }

    /**
     * The person selected these rows in the table ({@code focus}: the one clicked last). Ignored while
     * a refresh, filter or sort moves the rows: the table's own selection shifts then, the person's does not.
     */
    public void choose(List<UserRow> chosen, UserRow focus) {
        if (reshaping.get()) {
            return;
        }
        selection.choose(chosen.stream().filter(java.util.Objects::nonNull).map(UserRow::mongoName).toList(),
                focus == null ? null : focus.mongoName());
        selectionNotice.set("");
        focused.set(selection.focused().map(rows::find).orElse(null));
    }

    /** True while rows move under the table (refresh, filter, sort). */
    public ReadOnlyBooleanProperty reshapingProperty() {
        return reshaping.getReadOnlyProperty();
    }

    /** The selected users as they are now, for an action taken at this moment. */
    public ChosenUsers chosen() {
        return new ChosenUsers(selectedRows(), selection.deselected());
    }

    /** The selected rows, in the order the person selected them. */
    public List<UserRow> selectedRows() {
        return selection.names().stream().map(rows::find).filter(java.util.Objects::nonNull).toList();
    }

    /** The focused user's name, if any (the detail pane shows it). */
    public Optional<String> focusedName() {
        return selection.focused();
    }

    public void clearFilters() {
        search.set("");
        stateFilter.set(null);
        roleFilter.set(null);
        clusterFilter.set(UserRowFilter.ClusterFilter.ANY);
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
        reshape(() -> {
            rows.sortBy(order);
            return null;
        });
    }

    public List<UserRow> allRows() {
        return List.copyOf(rows.rows());
    }

    public long lastApplyNanos() {
        return lastApplyNanos;
    }

    /**
     * Why hidden replica-set members could not be looked for in the last listing (the identity may
     * not read the set's config), or empty.
     */
    public javafx.beans.property.ReadOnlyStringProperty unlistedWarningProperty() {
        return unlistedWarning.getReadOnlyProperty();
    }

    /** Each member or router asked for sessions in the last listing, and whether it answered. */
    public javafx.beans.property.ReadOnlyObjectProperty<List<SessionCensus.NodeAnswer>> nodesProperty() {
        return nodes.getReadOnlyProperty();
    }

    public StringProperty searchProperty() { return search; }
    public ObjectProperty<UserState> stateFilterProperty() { return stateFilter; }
    public ObjectProperty<String> roleFilterProperty() { return roleFilter; }
    public ObjectProperty<UserRowFilter.ClusterFilter> clusterFilterProperty() { return clusterFilter; }
    public ObservableList<String> knownRoles() { return knownRoles; }
    public ReadOnlyObjectProperty<UserCounts> countsProperty() { return counts.getReadOnlyProperty(); }
    public IntegerProperty refreshSecondsProperty() { return refreshSeconds; }
    public BooleanProperty pausedProperty() { return paused; }
    public ReadOnlyBooleanProperty refreshingProperty() { return refreshing.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadedProperty() { return loaded.getReadOnlyProperty(); }
    public ReadOnlyStringProperty refreshErrorProperty() { return refreshError.getReadOnlyProperty(); }
    /** Bound to the window's server health: "" while the server answers, else why it does not. */
    public StringProperty serverTroubleProperty() { return serverTrouble; }
    /** Rows are shown but the last refresh failed: what the table shows may no longer be true. */
    public javafx.beans.binding.BooleanBinding staleProperty() { return stale; }
    public ReadOnlyObjectProperty<LiveRows.Merge<UserRow>> lastMergeProperty() { return lastMerge.getReadOnlyProperty(); }
    /** The row whose details the detail pane shows: always one the person selected, or none. */
    public ReadOnlyObjectProperty<UserRow> focusedProperty() { return focused.getReadOnlyProperty(); }
    /** Why users the person had selected are no longer selected ("Deselected: CN=peggy no longer exists…"). */
    public ReadOnlyStringProperty selectionNoticeProperty() { return selectionNotice.getReadOnlyProperty(); }
    /** Ticks after every change that moved rows under the table; the table then re-selects {@link #selectedRows()}. */
    public javafx.beans.property.ReadOnlyLongProperty reshapedProperty() { return reshaped.getReadOnlyProperty(); }
}
