package dev.autouser.sandbox;

import dev.autouser.core.history.HistoryStore;
import dev.autouser.core.history.StateCounts;
import dev.autouser.core.history.UserEvidence;
import dev.autouser.core.history.UserKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's seeded history tells the story its javadoc promises, and a new demo replaces the old one. */
class DemoHistoryTest {
    private static final Instant NOW = Instant.parse("2026-12-01T15:07:00Z");
    private static final String SERVER = "localhost:40001,localhost:40002";

    @TempDir
    Path dir;

    @Test
    void fourDaysOfUseEndInTheRostersStates() throws Exception {
        try (HistoryStore store = HistoryStore.open(dir.resolve("history.db"))) {
            List<DemoData.DemoUser> roster = DemoRoster.autoUsers();
            DemoHistory.seed(store, SERVER, roster, NOW);
            Map<String, UserEvidence> evidence = store.evidence(SERVER, UserKey.MONGODB);
            assertThat(evidence).hasSize(roster.size());
            assertThat(store.isDemo(SERVER, UserKey.MONGODB)).isTrue();
            Instant lastListing = Instant.parse("2026-12-01T14:52:00Z");
            for (DemoData.DemoUser user : roster) {
                UserEvidence known = evidence.get("CN=" + user.teleportName());
                switch (user.state()) {
                    case ACTIVE -> assertThat(known.latestActivity().orElseThrow().at()).isEqualTo(lastListing);
                    case LOCKED -> assertThat(known.lockedSince()).isPresent();
                    case NOT_CLEANED_UP -> assertThat(known.notCleanedUpSince()).isPresent();
                }
            }
            Instant restartListing = Instant.parse("2026-11-30T14:22:00Z"); // the first listing after 14:10 yesterday
            assertThat(evidence.get("CN=ivan").notCleanedUpSince()).contains(restartListing);
            assertThat(evidence.get("CN=ivan").latestActivity().orElseThrow().client()).startsWith("10.0.1.16:");
            assertThat(evidence.get("CN=remote-yara-root-eu").neverSeenActive()).isTrue();
            assertThat(evidence.get("CN=remote-yara-root-eu").firstSeen()).contains(lastListing.minus(Duration.ofDays(4)));

            List<StateCounts> timeline = store.timeline(SERVER, UserKey.MONGODB, NOW.minus(Duration.ofDays(4)), NOW, 24);
            assertThat(timeline.get(23)).isEqualTo(new StateCounts(NOW, 8, 12, 10));
            assertThat(timeline).anyMatch(point -> point.active() > 8);

            long transitions = store.transitionCount();
            DemoHistory.seed(store, "localhost:50001", roster, NOW.plusSeconds(600));
            assertThat(store.evidence(SERVER, UserKey.MONGODB)).as("the old demo is forgotten").isEmpty();
            assertThat(store.transitionCount()).isBetween(transitions - 40, transitions + 40);
        }
    }
}
