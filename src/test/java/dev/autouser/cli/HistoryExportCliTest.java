package dev.autouser.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autouser.core.history.HistoryStore;
import dev.autouser.core.history.ObservedListing;
import dev.autouser.core.history.ObservedUser;
import dev.autouser.core.history.UserKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17: the usage history "survives restarts and is exportable" — {@code history export}. */
class HistoryExportCliTest {
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    @TempDir
    Path home;

    @BeforeEach
    void seedTwoServers() throws Exception {
        try (HistoryStore store = HistoryStore.open(home.resolve("data").resolve("history.db"))) {
            store.record(new ObservedListing("db1:27017", UserKey.MONGODB, T0, List.of(
                    new ObservedUser("CN=alice", false, List.of(new ObservedUser.Session("mongosh", "10.0.0.5:5100"))),
                    new ObservedUser("CN==cmd()", true, List.of()))));
            store.record(new ObservedListing("db1:27017", UserKey.MONGODB, T0.plusSeconds(3600), List.of(
                    new ObservedUser("CN=alice", true, List.of()))));
            store.record(new ObservedListing("pg1:5432", UserKey.POSTGRESQL, T0.plusSeconds(60), List.of(
                    new ObservedUser("bob", false, List.of()))));
        }
    }

    @Test
    void csvHasEveryChangeOfEveryServerOldestFirst() {
        CliRun run = CliRun.runIn(home, false, "", "history", "export");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out().lines().toList()).containsExactly(
                "server,engine,user,at,state,app,client",
                "db1:27017,mongodb,CN=alice,2026-11-20T09:00:00Z,active,mongosh,10.0.0.5:5100",
                "db1:27017,mongodb,CN==cmd(),2026-11-20T09:00:00Z,locked,,",
                "pg1:5432,postgresql,bob,2026-11-20T09:01:00Z,not-cleaned-up,,",
                "db1:27017,mongodb,CN=alice,2026-11-20T10:00:00Z,locked,,",
                "db1:27017,mongodb,CN==cmd(),2026-11-20T10:00:00Z,dropped,,");
    }

    @Test
    void jsonOfOneServerSinceAMomentGoesToAFile() throws Exception {
        Path file = home.resolve("changes.json");

        CliRun run = CliRun.runIn(home, false, "", "history", "export", "--server", "mongodb://DB1/?tls=true",
                "--since", "2026-11-20T09:30:00Z", "--format", "json", "--output", file.toString());

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("2 changes written to " + file + ".\n");
        JsonNode changes = new ObjectMapper().readTree(file.toFile());
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).toString()).isEqualTo("{\"server\":\"db1:27017\",\"engine\":\"mongodb\",\"user\":\"CN=alice\","
                + "\"at\":\"2026-11-20T10:00:00Z\",\"state\":\"locked\",\"app\":\"\",\"client\":\"\"}");
        assertThat(changes.get(1).path("state").asText()).isEqualTo("dropped");
        assertThat(Files.readAllLines(file)).as("one change per line").hasSize(2);
    }

    @Test
    void anUnknownServerIsOneSentenceNamingTheServersItHolds() {
        CliRun run = CliRun.runIn(home, false, "", "history", "export", "--server", "mongodb://other:27018");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: The history holds no server other:27018 (it holds db1:27017 mongodb,"
                + " pg1:5432 postgresql).\n");
    }

    @Test
    void anUnwritableFileIsOneSentence() {
        Path nowhere = home.resolve("no-such-folder").resolve("changes.csv");

        CliRun run = CliRun.runIn(home, false, "", "history", "export", "--output", nowhere.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: The export cannot be written to " + nowhere
                + ": its folder does not exist.\n");
        assertThat(nowhere).doesNotExist();
    }

    @Test
    void aBadSinceOrFormatIsOneSentence() {
        CliRun since = CliRun.runIn(home, false, "", "history", "export", "--since", "last week");
        CliRun format = CliRun.runIn(home, false, "", "history", "export", "--format", "xml");

        assertThat(since.code()).isEqualTo(2);
        assertThat(since.err()).isEqualTo("error: --since \"last week\" is neither a date (2026-11-01), an instant"
                + " (2026-11-01T08:00:00Z) nor an age (30d, 12h, 45m).\n");
        assertThat(format.err()).isEqualTo("error: Unknown format \"xml\": use csv or json.\n");
    }
}
