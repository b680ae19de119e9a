package dev.autouser.core.history;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HistoryStoreTest {
    private static final String SERVER = "db1:27017";
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    @TempDir
    Path dir;

    private HistoryStore store;

    @BeforeEach
    void open() throws SQLException {
        store = HistoryStore.open(dir.resolve("history.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static ObservedUser active(String name, String app, String client) {
        return new ObservedUser(name, false, List.of(new ObservedUser.Session(app, client)));
    }

    private static ObservedUser notCleanedUp(String name) {
        return new ObservedUser(name, false, List.of());
    }

    private static ObservedUser locked(String name) {
        return new ObservedUser(name, true, List.of());
    }

    private void list(Instant at, ObservedUser... users) {
        store.record(new ObservedListing(SERVER, UserKey.MONGODB, at, List.of(users)));
    }

    private UserEvidence evidence(String user) {
        return store.evidence(SERVER, UserKey.MONGODB).get(user);
    }

    @Test
    void aListingThatChangesNothingAddsNoRow() {
        for (int i = 0; i < 100; i++) {
            list(T0.plusSeconds(i), active("CN=alice", "mongosh", "10.0.0.1:5000"), locked("CN=bob"));
        }
        assertThat(store.transitionCount()).isEqualTo(2);
        assertThat(evidence("CN=alice").lastActive().get(EvidenceSource.OBSERVED).at()).isEqualTo(T0.plusSeconds(99));
    }

    @Test
    void aUsersLifeIsFirstSeenActiveNotCleanedUpLockedUnlockedAndDropped() {
        list(T0, active("CN=alice", "mongosh 2.3.1", "10.0.0.1:5000"));
        list(T0.plusSeconds(60), notCleanedUp("CN=alice"));
        UserEvidence afterSession = evidence("CN=alice");
        assertThat(afterSession.firstSeen()).contains(T0);
        assertThat(afterSession.latestActivity().orElseThrow())
                .isEqualTo(new Activity(T0, EvidenceSource.OBSERVED, "mongosh 2.3.1", "10.0.0.1:5000"));
        assertThat(afterSession.notCleanedUpSince()).contains(T0.plusSeconds(60));
        assertThat(afterSession.lockedSince()).isEmpty();

        list(T0.plusSeconds(120), locked("CN=alice"));
        list(T0.plusSeconds(180), locked("CN=alice"));
        UserEvidence whileLocked = evidence("CN=alice");
        assertThat(whileLocked.lockedSince()).contains(T0.plusSeconds(120));
        assertThat(whileLocked.notCleanedUpSince()).isEmpty();

        list(T0.plusSeconds(240), active("CN=alice", "Compass", "10.0.0.2:6000"));
        UserEvidence unlocked = evidence("CN=alice");
        assertThat(unlocked.unlockedSince()).contains(T0.plusSeconds(240));
        assertThat(unlocked.lockedSince()).isEmpty();
        assertThat(unlocked.latestActivity().orElseThrow().app()).isEqualTo("Compass");

        list(T0.plusSeconds(300));
        UserEvidence dropped = evidence("CN=alice");
        assertThat(dropped.droppedAt()).contains(T0.plusSeconds(300));
        assertThat(dropped.firstSeen()).contains(T0);
        assertThat(store.transitions(SERVER, UserKey.MONGODB)).extracting(HistoryStore.Transition::state)
                .containsExactly(ObservedState.ACTIVE, ObservedState.NOT_CLEANED_UP, ObservedState.LOCKED,
                        ObservedState.ACTIVE, ObservedState.DROPPED);
    }

    @Test
    void aLockedUserSeenConnectedIsActiveAndStillLocked() {
        list(T0, locked("CN=carol"));
        list(T0.plusSeconds(10), new ObservedUser("CN=carol", true, List.of(new ObservedUser.Session("psql", "10.1.1.1:1"))));
        UserEvidence carol = evidence("CN=carol");
        assertThat(carol.lockedSince()).contains(T0);
        assertThat(carol.latestActivity()).map(Activity::at).contains(T0.plusSeconds(10));
    }

    @Test
    void serversAndEnginesKeepSeparateHistories() {
        list(T0, active("alice", "psql", ""));
        store.record(new ObservedListing(SERVER, UserKey.POSTGRESQL, T0, List.of(locked("alice"))));
        assertThat(evidence("alice").lockedSince()).isEmpty();
        assertThat(store.evidence(SERVER, UserKey.POSTGRESQL).get("alice").lockedSince()).contains(T0);
        assertThat(store.evidence("other:27017", UserKey.MONGODB)).isEmpty();
    }

    @Test
    void anOlderListingRecordedAfterANewerOneChangesNothing() {
        list(T0.plusSeconds(60), locked("CN=dave"));
        list(T0, active("CN=dave", "mongosh", ""));
        assertThat(evidence("CN=dave").lockedSince()).contains(T0.plusSeconds(60));
        assertThat(evidence("CN=dave").neverSeenActive()).isTrue();
    }

    @Test
    void importedActivityKeepsTheNewestPerSourceAndKnowsUsersNoListingShowed() {
        list(T0, notCleanedUp("CN=erin"));
        UserKey erin = new UserKey(SERVER, UserKey.MONGODB, "CN=erin");
        Activity newer = new Activity(T0.minusSeconds(60), EvidenceSource.TELEPORT_AUDIT, "erin", "");
        store.recordActivity(List.of(new ActivitySink.Sighting(erin, newer),
                new ActivitySink.Sighting(erin, new Activity(T0.minusSeconds(600), EvidenceSource.TELEPORT_AUDIT, "", "")),
                new ActivitySink.Sighting(new UserKey(SERVER, UserKey.MONGODB, "CN=gone"),
                        new Activity(T0.minus(Duration.ofDays(3)), EvidenceSource.SERVER_LOG, "", "10.0.0.9:1"))));
        assertThat(evidence("CN=erin").lastActive()).containsEntry(EvidenceSource.TELEPORT_AUDIT, newer);
        assertThat(evidence("CN=gone").firstSeen()).contains(T0.minus(Duration.ofDays(3)));
        list(T0.plusSeconds(60), notCleanedUp("CN=erin"));
        assertThat(evidence("CN=gone").droppedAt()).as("never listed, so never 'dropped'").isEmpty();
    }

    @Test
    void teleportsLatestLockOrDropIsKeptAndALaterSuccessClearsAFailure() {
        list(T0, locked("CN=fay"));
        UserKey fay = new UserKey(SERVER, UserKey.MONGODB, "CN=fay");
        TeleportDeactivation failed = new TeleportDeactivation(T0.minusSeconds(60), false, true, "not authorized");
        store.recordTeleportDeactivations(List.of(new ActivitySink.Deactivated(fay, failed),
                new ActivitySink.Deactivated(fay, new TeleportDeactivation(T0.minusSeconds(600), true, false, ""))));
        assertThat(evidence("CN=fay").teleportDeactivation()).as("the older success changes nothing").contains(failed);
        assertThat(evidence("CN=fay").teleportFailure()).contains(failed);

        store.recordTeleportDeactivations(List.of(new ActivitySink.Deactivated(fay,
                new TeleportDeactivation(T0.plusSeconds(60), true, false, ""))));
        assertThat(evidence("CN=fay").teleportDeactivation()).map(TeleportDeactivation::succeeded).contains(true);
        assertThat(evidence("CN=fay").teleportFailure()).isEmpty();
    }

    @Test
    void whoUsedAUserIsKeptFromTheLatestAuditEventThatToldIt() {
        list(T0, locked("CN=gus"));
        UserKey gus = new UserKey(SERVER, UserKey.MONGODB, "CN=gus");
        TeleportIdentity newer = new TeleportIdentity(T0.minusSeconds(60), "gus", List.of("access", "dba, \"on call\""),
                List.of("readWrite@app"));
        store.recordTeleportIdentities(List.of(new ActivitySink.Identified(gus, newer),
                new ActivitySink.Identified(gus, new TeleportIdentity(T0.minusSeconds(600), "old", List.of(), List.of()))));
        assertThat(evidence("CN=gus").teleportIdentity()).as("the older identity changes nothing").contains(newer);

        TeleportIdentity latest = new TeleportIdentity(T0.plusSeconds(60), "gus2", List.of("auditor"), List.of());
        store.recordTeleportIdentities(List.of(new ActivitySink.Identified(gus, latest)));
        assertThat(evidence("CN=gus").teleportIdentity()).contains(latest);
        assertThat(evidence("CN=gus").lockedSince()).as("the rest of the evidence is unchanged").contains(T0);
    }

    /**
     * The one-pass path (read every user once, record against it, read again only what the listing touched) gives
     * exactly what recording and then reading all users gives, through a user's whole life and imported evidence.
     */
    @Test
    void recordAndReadGivesWhatRecordThenEvidenceGives() throws SQLException {
        List<List<ObservedUser>> listings = List.of(
                List.of(active("CN=a", "mongosh", "10.0.0.1:1"), notCleanedUp("CN=b"), locked("CN=c")),
                List.of(active("CN=a", "mongosh", "10.0.0.1:2"), notCleanedUp("CN=b"), locked("CN=c")),
                List.of(locked("CN=a"), locked("CN=b"), new ObservedUser("CN=c", false, List.of()), notCleanedUp("CN=d")),
                List.of(locked("CN=a"), locked("CN=b"), notCleanedUp("CN=d")),
                List.of(new ObservedUser("CN=a", true, List.of(new ObservedUser.Session("app", "10.0.0.9:9"),
                        new ObservedUser.Session("other", ""))), locked("CN=b"), locked("CN=c"), notCleanedUp("CN=d")));
        try (HistoryStore twoPass = HistoryStore.open(dir.resolve("two-pass.db"))) {
            for (HistoryStore each : List.of(store, twoPass)) {
                each.recordActivity(List.of(new ActivitySink.Sighting(new UserKey(SERVER, UserKey.MONGODB, "CN=e"),
                        new Activity(T0.minusSeconds(30), EvidenceSource.TELEPORT_AUDIT, "erin", ""))));
                each.recordTeleportIdentities(List.of(new ActivitySink.Identified(new UserKey(SERVER, UserKey.MONGODB,
                        "CN=b"), new TeleportIdentity(T0.minusSeconds(20), "bob", List.of("access"), List.of()))));
            }
            for (int i = 0; i < listings.size(); i++) {
                ObservedListing listing = new ObservedListing(SERVER, UserKey.MONGODB, T0.plusSeconds(60L * i), listings.get(i));
                Map<String, UserEvidence> onePass = store.recordAndRead(listing);
                twoPass.record(listing);
                assertThat(onePass).as("after listing " + i).isEqualTo(twoPass.evidence(SERVER, UserKey.MONGODB))
                        .isEqualTo(store.evidence(SERVER, UserKey.MONGODB));
            }
            ObservedListing older = new ObservedListing(SERVER, UserKey.MONGODB, T0, List.of(locked("CN=z")));
            assertThat(store.recordAndRead(older)).as("an older listing records nothing")
                    .isEqualTo(twoPass.evidence(SERVER, UserKey.MONGODB)).doesNotContainKey("CN=z");
            assertThat(store.transitions(SERVER, UserKey.MONGODB)).isEqualTo(twoPass.transitions(SERVER, UserKey.MONGODB));
        }
    }

    @Test
    void theTimelineCountsEachStateAtEachMoment() {
        list(T0, active("CN=a", "x", ""), notCleanedUp("CN=b"), locked("CN=c"));
        list(T0.plusSeconds(100), locked("CN=a"), notCleanedUp("CN=b"), locked("CN=c"));
        list(T0.plusSeconds(200), locked("CN=a"), locked("CN=b"));
        List<StateCounts> timeline = store.timeline(SERVER, UserKey.MONGODB, T0.minusSeconds(100), T0.plusSeconds(200), 4);
        assertThat(timeline).containsExactly(
                new StateCounts(T0.minusSeconds(100), 0, 0, 0),
                new StateCounts(T0, 1, 1, 1),
                new StateCounts(T0.plusSeconds(100), 0, 1, 2),
                new StateCounts(T0.plusSeconds(200), 0, 0, 2));
    }

    @Test
    void retentionDeletesOldChangesButEachUsersLatestAndForgetsLongDroppedUsers() {
        Instant old = T0.minus(Duration.ofDays(400));
        list(old, active("CN=a", "x", ""), locked("CN=b"), notCleanedUp("CN=gone"));
        list(old.plusSeconds(60), locked("CN=a"), locked("CN=b"));
        list(old.plusSeconds(120), active("CN=a", "y", ""), locked("CN=b"));
        list(T0, notCleanedUp("CN=a"), locked("CN=b"));
        assertThat(store.transitionCount()).isEqualTo(7);
        int deleted = store.retain(T0.plusSeconds(1), Duration.ofDays(180), HistoryStore.DEFAULT_MAX_TRANSITIONS);
        // a: three old changes go, its latest stays; b: its only (latest) stays; gone: dropped 400 days ago, forgotten
        assertThat(deleted).isEqualTo(5);
        assertThat(store.transitionCount()).isEqualTo(2);
        assertThat(store.evidence(SERVER, UserKey.MONGODB)).containsOnlyKeys("CN=a", "CN=b");
        assertThat(evidence("CN=a").firstSeen()).contains(old);
        assertThat(store.timeline(SERVER, UserKey.MONGODB, T0, T0.plusSeconds(10), 2).get(1))
                .isEqualTo(new StateCounts(T0.plusSeconds(10), 0, 1, 1));
    }

    @Test
    void theSizeBoundDeletesTheOldestChangesFirst() {
        for (int i = 0; i < 10; i++) {
            list(T0.plusSeconds(i), i % 2 == 0 ? active("CN=a", "x", "") : locked("CN=a"));
        }
        store.retain(T0.plusSeconds(10), Duration.ofDays(180), 4);
        assertThat(store.transitions(SERVER, UserKey.MONGODB)).extracting(HistoryStore.Transition::at)
                .containsExactly(T0.plusSeconds(6), T0.plusSeconds(7), T0.plusSeconds(8), T0.plusSeconds(9));
    }

    @Test
    void anOldSchemaIsMigratedAndKeepsItsData() throws Exception {
        store.close();
        Path old = dir.resolve("v1.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + old);
             Statement sql = connection.createStatement()) {
            HistorySchema.migrate(connection, 1);
            sql.execute("INSERT INTO server (id, name, engine) VALUES (1, 'db1:27017', 'mongodb')");
            sql.execute("INSERT INTO user (server_id, name, first_seen, state, state_since, locked, locked_since)"
                    + " VALUES (1, 'CN=old', " + T0.toEpochMilli() + ", 'locked', " + T0.toEpochMilli() + ", 1, "
                    + T0.toEpochMilli() + ")");
            assertThat(HistorySchema.version(connection)).isEqualTo(1);
        }
        store = HistoryStore.open(old);
        assertThat(store.evidence(SERVER, UserKey.MONGODB).get("CN=old").lockedSince()).contains(T0);
        assertThat(store.isDemo(SERVER, UserKey.MONGODB)).isFalse();
        store.markDemo(SERVER, UserKey.MONGODB);
        assertThat(store.isDemo(SERVER, UserKey.MONGODB)).isTrue();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + old)) {
            assertThat(HistorySchema.version(connection)).isEqualTo(HistorySchema.CURRENT).isEqualTo(5);
        }
    }

    @Test
    void aHistoryFromANewerConsoleIsRefusedNotGuessedAt() throws Exception {
        store.close();
        Path newer = dir.resolve("newer.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + newer);
             Statement sql = connection.createStatement()) {
            sql.execute("PRAGMA user_version = 99");
        }
        assertThatThrownBy(() -> HistoryStore.open(newer)).hasMessageContaining("newer console (schema 99");
        store = HistoryStore.open(dir.resolve("history.db"));
    }

    @Test
    void theHistorySurvivesAReopen() throws SQLException {
        list(T0, locked("CN=frank"));
        store.close();
        store = HistoryStore.open(dir.resolve("history.db"));
        assertThat(evidence("CN=frank").lockedSince()).contains(T0);
        assertThat(store.evidence(SERVER, UserKey.MONGODB)).hasSize(1);
        assertThat(Optional.of(store.sizeOnDisk())).get().matches(size -> size > 0);
    }

    @Test
    void nothingKnownIsUnknownNotNever() {
        Map<String, UserEvidence> none = store.evidence(SERVER, UserKey.MONGODB);
        UserEvidence unknown = EvidenceLookup.of(none, new UserKey(SERVER, UserKey.MONGODB, "CN=x"));
        assertThat(unknown.firstSeen()).isEmpty();
        assertThat(unknown.latestActivity()).isEmpty();
    }
}
