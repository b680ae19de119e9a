package dev.autouser.ui.users;

import dev.autouser.core.ConsoleException;
import dev.autouser.core.provisioning.AutoUserListing;
import dev.autouser.core.provisioning.UserState;
import dev.autouser.ui.support.FxExecutors;
import dev.autouser.ui.support.RecordingDialogs;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;

import static dev.autouser.ui.users.TestUsers.active;
import static dev.autouser.ui.users.TestUsers.notCleanedUp;
import static dev.autouser.ui.users.TestUsers.listing;
import static dev.autouser.ui.users.TestUsers.locked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live list without a toolkit: listings arrive through a queue, executors run inline. */
class UsersViewModelTest {
    private final Deque<Object> answers = new ArrayDeque<>();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final List<Instant> refreshedAt = new ArrayList<>();
    private final UsersViewModel model = new UsersViewModel(this::next, dialogs, FxExecutors.direct(), refreshedAt::add);

    private AutoUserListing next() {
        Object answer = answers.removeFirst();
        if (answer instanceof RuntimeException failure) {
            throw failure;
        }
        return (AutoUserListing) answer;
    }

    @Test
    void refreshShowsUsersAndCountsThemByState() {
        answers.add(listing(active("alice", 2, "read@db1"), notCleanedUp("bob", "read@db1"), locked("carol")));

        model.refresh();

        assertEquals(3, model.visibleRows().size());
        assertEquals(new UserCounts(3, 1, 1, 1), model.countsProperty().get());
        assertEquals(1, refreshedAt.size());
    }

    @Test
    void theHistorysEvidenceFillsTheAgeColumnsAndTheyAgeWithEachListing() {
        Instant first = Instant.parse("2026-11-27T09:00:00Z");
        Instant lastSeen = Instant.parse("2026-11-30T16:00:00Z");
        Instant lockedAt = Instant.parse("2026-11-30T17:00:00Z");
        dev.autouser.core.history.UserKey key = new dev.autouser.core.history.UserKey("db:27017", "mongodb", "CN=carol");
        dev.autouser.core.history.UserEvidence carol = new dev.autouser.core.history.UserEvidence(key,
                java.util.Optional.of(first), java.util.Map.of(dev.autouser.core.history.EvidenceSource.OBSERVED,
                new dev.autouser.core.history.Activity(lastSeen, dev.autouser.core.history.EvidenceSource.OBSERVED,
                        "mongosh", "10.0.0.7:1")), java.util.Optional.of(lockedAt), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty());
        Instant listedAt = Instant.parse("2026-11-30T18:00:00Z");
        answers.add(new AutoUserListing(List.of(locked("carol"), notCleanedUp("dave")), listedAt, 3,
                java.time.Duration.ZERO).withEvidence(java.util.Map.of("CN=carol", carol)));
        answers.add(new AutoUserListing(List.of(locked("carol"), notCleanedUp("dave")), listedAt.plus(java.time.Duration.ofDays(1)), 3,
                java.time.Duration.ZERO).withEvidence(java.util.Map.of("CN=carol", carol)));

        model.refresh();
        UserRow row = model.row("CN=carol").orElseThrow();
        assertEquals("2 h ago · observed", row.lastActiveProperty().get().text());
        assertEquals("1 h ago", row.lockedSinceProperty().get().text());
        assertEquals("3 d ago", row.firstSeenProperty().get().text());
        assertEquals("", model.row("CN=dave").orElseThrow().firstSeenProperty().get().text(), "nothing known: empty");

        model.refresh();
        assertEquals("26 h ago · observed", row.lastActiveProperty().get().text());
        assertEquals("4 d ago", row.firstSeenProperty().get().text());
        assertTrue(row.lastActiveProperty().get().compareTo(model.row("CN=dave").orElseThrow().lastActiveProperty().get()) > 0,
                "sorted by the instant, unknown first");
    }

    @Test
    void refreshUpdatesChangedRowsInPlaceAndKeepsTheOthersUntouched() {
        answers.add(listing(notCleanedUp("alice", "read@db1"), notCleanedUp("bob", "read@db1")));
        model.refresh();
        UserRow alice = model.row("CN=alice").orElseThrow();
        UserRow bob = model.row("CN=bob").orElseThrow();
        List<ListChangeListener.Change<? extends UserRow>> changes = new ArrayList<>();
        model.visibleRows().addListener((ListChangeListener<UserRow>) changes::add);

        answers.add(listing(locked("alice"), notCleanedUp("bob", "read@db1")));
        model.refresh();

        assertSame(alice, model.row("CN=alice").orElseThrow(), "the row object survives the refresh");
        assertSame(bob, model.row("CN=bob").orElseThrow());
        assertEquals(UserState.LOCKED, alice.state());
        assertTrue(alice.highlightedProperty().get(), "a changed row is highlighted");
        assertFalse(bob.highlightedProperty().get(), "an unchanged row is not");
        assertEquals(1, changes.size(), "one list change for the whole refresh");
        ListChangeListener.Change<? extends UserRow> change = changes.get(0);
        assertTrue(change.next());
        assertTrue(change.wasUpdated(), "an update event, not a replace");
    }

    @Test
    void refreshAddsNewUsersAndRemovesVanishedOnes() {
        answers.add(listing(notCleanedUp("alice"), notCleanedUp("bob")));
        model.refresh();
        answers.add(listing(notCleanedUp("bob"), notCleanedUp("dave")));

        model.refresh();

        assertEquals(List.of("CN=bob", "CN=dave"), names(model.visibleRows()));
        assertTrue(model.row("CN=alice").isEmpty());
    }

    @Test
    void highlightsEndWhenTheViewSaysSo() {
        answers.add(listing(notCleanedUp("alice")));
        model.refresh();
        answers.add(listing(locked("alice")));
        model.refresh();
        UserRow alice = model.row("CN=alice").orElseThrow();

        model.clearHighlights(model.lastMergeProperty().get());

        assertFalse(alice.highlightedProperty().get());
    }

    @Test
    void searchMatchesNamesRolesClientsAndApps() {
        answers.add(listing(active("alice", 1, "readWrite@sales"), notCleanedUp("bob", "read@db1"), notCleanedUp("remote-carol-root")));
        model.refresh();

        model.searchProperty().set("SALES");
        assertEquals(List.of("CN=alice"), names(model.visibleRows()));
        model.searchProperty().set("10.0.0.1");
        assertEquals(List.of("CN=alice"), names(model.visibleRows()));
        model.searchProperty().set("mongosh");
        assertEquals(List.of("CN=alice"), names(model.visibleRows()));
        model.searchProperty().set("");
        assertEquals(3, model.visibleRows().size());
    }

    @Test
    void columnFiltersCombineStateRoleAndCluster() {
        answers.add(listing(active("alice", 1, "read@db1"), notCleanedUp("bob", "read@db1"), notCleanedUp("remote-carol-root", "read@db1"),
                notCleanedUp("dave", "readWrite@db2")));
        model.refresh();

        model.stateFilterProperty().set(UserState.NOT_CLEANED_UP);
        model.roleFilterProperty().set("read@db1");
        assertEquals(List.of("CN=bob", "CN=remote-carol-root"), names(model.visibleRows()));
        model.clusterFilterProperty().set(UserRowFilter.ClusterFilter.REMOTE);
        assertEquals(List.of("CN=remote-carol-root"), names(model.visibleRows()));
        model.clearFilters();
        assertEquals(4, model.visibleRows().size());
        assertEquals(List.of("read@db1", "readWrite@db2"), List.copyOf(model.knownRoles()));
    }

    @Test
    void filterFollowsAStateChangeOnRefresh() {
        answers.add(listing(notCleanedUp("alice"), notCleanedUp("bob")));
        model.refresh();
        model.stateFilterProperty().set(UserState.NOT_CLEANED_UP);
        answers.add(listing(locked("alice"), notCleanedUp("bob")));

        model.refresh();

        assertEquals(List.of("CN=bob"), names(model.visibleRows()));
    }

    @Test
    void sortOrderIsKeptAcrossRefreshes() {
        answers.add(listing(notCleanedUp("alice"), notCleanedUp("bob"), notCleanedUp("carol")));
        model.refresh();
        model.sortBy(Comparator.comparing(UserRow::mongoName).reversed());
        answers.add(listing(notCleanedUp("alice"), locked("bob"), notCleanedUp("carol"), notCleanedUp("aaron")));

        model.refresh();

        assertEquals(List.of("CN=carol", "CN=bob", "CN=alice", "CN=aaron"), names(model.visibleRows()));
    }

    @Test
    void autoRefreshDoesNothingWhilePaused() {
        model.pausedProperty().set(true);

        model.autoRefresh();

        assertTrue(answers.isEmpty() && refreshedAt.isEmpty());
        assertFalse(model.loadedProperty().get());
    }

    @Test
    void theListerIsToldWhichRefreshesAPersonAskedFor() {
        List<Boolean> askedFor = new ArrayList<>();
        UsersViewModel told = new UsersViewModel((UsersViewModel.Lister) asked -> {
            askedFor.add(asked);
            return listing(notCleanedUp("alice"));
        }, dialogs, FxExecutors.direct(), refreshedAt::add);

        told.autoRefresh();
        told.refresh();
        told.autoRefresh();

        assertEquals(List.of(false, true, false), askedFor);
    }

    @Test
    void autoRefreshSkipsATickWhileTheLastRefreshIsStillRunning() {
        List<Runnable> pending = new ArrayList<>();
        Executor later = pending::add;
        UsersViewModel slow = new UsersViewModel(this::next, dialogs, new FxExecutors(later, Runnable::run), refreshedAt::add);
        answers.add(listing(notCleanedUp("alice")));

        slow.autoRefresh();
        slow.autoRefresh();

        assertEquals(1, pending.size(), "the second tick did not start another listing");
        pending.get(0).run();
        assertEquals(1, slow.visibleRows().size());
        assertFalse(slow.refreshingProperty().get());
    }

    @Test
    void aFailedAutoRefreshShowsABannerButNoDialogAndKeepsTheRows() {
        answers.add(listing(notCleanedUp("alice")));
        model.refresh();
        answers.add(new ConsoleException("The server at localhost:1 did not answer within 5 s."));

        model.autoRefresh();

        assertEquals("The server at localhost:1 did not answer within 5 s.", model.refreshErrorProperty().get());
        assertTrue(dialogs.errors.isEmpty());
        assertEquals(1, model.visibleRows().size());
    }

    @Test
    void aFailedRefreshThePersonAskedForAlsoOpensADialog() {
        answers.add(new ConsoleException("You are not allowed to list users: CN=x lacks viewUser on $external."));

        model.refresh();

        assertEquals(List.of("You are not allowed to list users: CN=x lacks viewUser on $external."), dialogs.errors);
    }

    @Test
    void theNextGoodRefreshClearsTheBanner() {
        answers.add(new ConsoleException("The server did not answer."));
        model.autoRefresh();
        answers.add(listing(notCleanedUp("alice")));

        model.autoRefresh();

        assertEquals("", model.refreshErrorProperty().get());
    }

    private static List<String> names(List<UserRow> rows) {
        return rows.stream().map(UserRow::mongoName).toList();
    }

    @Test
    void aSelectedUserThatVanishesIsDeselectedAndNamedNeverReplacedByItsNeighbour() {
        answers.add(listing(notCleanedUp("alice"), notCleanedUp("bob"), notCleanedUp("carol")));
        model.refresh();
        model.choose(List.of(model.row("CN=bob").orElseThrow()), model.row("CN=bob").orElseThrow());
        answers.add(listing(notCleanedUp("alice"), notCleanedUp("carol")));

        model.refresh();

        assertTrue(model.chosen().rows().isEmpty());
        assertEquals(List.of("CN=bob no longer exists on the server"), model.chosen().deselected());
        assertEquals(null, model.focusedProperty().get());
    }

    @Test
    void aSelectedUserHiddenByTheFilterAfterAStateChangeIsDeselectedWithTheReason() {
        answers.add(listing(notCleanedUp("peggy"), notCleanedUp("alice")));
        model.refresh();
        model.stateFilterProperty().set(UserState.NOT_CLEANED_UP);
        UserRow peggy = model.row("CN=peggy").orElseThrow();
        model.choose(List.of(peggy), peggy);
        answers.add(listing(active("peggy", 1), notCleanedUp("alice")));

        model.refresh();

        assertTrue(model.selectedRows().isEmpty(), model.selectedRows() + " " + model.visibleRows() + dialogs.errors);
        assertEquals("Deselected: CN=peggy is now active and hidden by the filter.", model.selectionNoticeProperty().get());
    }

    @Test
    void aLockOfAUserDeselectedByARefreshSaysSoInsteadOfLockingAnother() {
        answers.add(listing(notCleanedUp("alice"), notCleanedUp("bob")));
        model.refresh();
        model.choose(List.of(model.row("CN=bob").orElseThrow()), null);
        answers.add(listing(notCleanedUp("alice")));
        model.refresh();
        UserActionsViewModel actions = new UserActionsViewModel(null, dialogs, FxExecutors.direct(), () -> { });

        actions.lock(model.chosen());

        assertEquals(List.of("Nothing to lock: CN=bob no longer exists on the server, so it is no longer selected."),
                dialogs.errors);
    }
}
