package dev.autouser.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autouser.testsupport.MongoTarget;
import dev.autouser.testsupport.Seeds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17: Teleport's audit events, imported, become evidence a cleanup policy judges by. */
class ImportTeleportCliTest {
    private final MongoTarget target = MongoTarget.sandbox();
    private final Seeds seeds = new Seeds(target);

    @AfterEach
    void cleanUp() {
        seeds.dropAll();
    }

    @Test
    void importPrintsPerUserFactsAndCountsBadLines(@TempDir Path home) throws Exception {
        Path log = Path.of(Objects.requireNonNull(getClass().getResource("/teleport-audit/file-backend.log")).toURI());

        CliRun run = CliRun.runIn(home, false, "", "evidence", "import-teleport", log.toString(),
                "--server", "mongodb://mongo.internal:27017");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("12 events read: 7 used, 2 of other types, 3 bad (line 4: not JSON")
                .contains("CN=alice: last session 2026-11-28T10:02:41.977Z, Teleport user alice (access, mongo-dev), database roles readWrite@db1")
                .contains("CN=bob: last session 2026-11-29T16:40:10Z, Teleport user bob, database roles read@reporting; "
                        + "Teleport failed to drop it at 2026-11-29T17:05:00.250Z: (Unauthorized) not authorized")
                .contains("2 users' last session recorded in the history of mongo.internal:27017");
    }

    @Test
    void aJsonListingSaysWhoUsedAUserAsTheImportedAuditLogToldIt(@TempDir Path home) throws IOException {
        String user = seeds.autoUser("audited", true);
        Instant start = Instant.now().minus(Duration.ofHours(5)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Path events = home.resolve("events.log");
        // a session start as Teleport's file backend writes it (user_roles on newer Teleport; db_roles as given)
        Files.writeString(events, "{\"ei\":1,\"event\":\"db.session.start\",\"code\":\"TDB00I\",\"time\":\"" + start
                + "\",\"user\":\"" + user + "\",\"user_roles\":[\"access\",\"mongo-dev\"],\"sid\":\"s1\","
                + "\"db_service\":\"mongo\",\"db_protocol\":\"mongodb\",\"db_uri\":\"localhost:27017\",\"db_user\":\""
                + user + "\",\"db_roles\":[\"readWrite@app\"],\"success\":true}\n");
        CliRun imported = CliRun.runIn(home, false, "", "evidence", "import-teleport", events.toString(),
                "--server", target.uri());
        assertThat(imported.code()).as(imported.toString()).isZero();

        CliRun list = CliRun.asIn(home, target, "dba", "list", "--json");
        JsonNode mine = null;
        for (JsonNode row : new ObjectMapper().readTree(list.out())) {
            if (row.path("user").asText().equals("CN=" + user)) {
                mine = row;
            }
        }
        assertThat(mine).as(list.toString()).isNotNull();
        JsonNode identity = mine.path("teleportIdentity");
        assertThat(identity.path("teleportUser").asText()).isEqualTo(user);
        assertThat(identity.path("teleportRoles").toString()).isEqualTo("[\"access\",\"mongo-dev\"]");
        assertThat(identity.path("databaseRoles").toString()).isEqualTo("[\"readWrite@app\"]");
        assertThat(identity.path("at").asText()).isEqualTo(start.toString());
    }

    @Test
    void aListingWithoutHistoryNeitherRecordsNorShowsEvidence(@TempDir Path home) throws IOException {
        String user = seeds.autoUser("unrecorded", true);

        CliRun list = CliRun.asIn(home, target, "dba", "list", "--json", "--no-history");

        assertThat(list.code()).as(list.toString()).isZero();
        JsonNode mine = null;
        for (JsonNode row : new ObjectMapper().readTree(list.out())) {
            mine = row.path("user").asText().equals("CN=" + user) ? row : mine;
        }
        assertThat(mine).as(list.toString()).isNotNull();
        assertThat(mine.path("firstSeen").isNull()).as("no evidence read").isTrue();
        assertThat(Files.exists(home.resolve("data").resolve("history.db"))).as("no history opened").isFalse();

        CliRun recorded = CliRun.asIn(home, target, "dba", "list", "--json");
        assertThat(recorded.code()).as(recorded.toString()).isZero();
        assertThat(Files.exists(home.resolve("data").resolve("history.db"))).as("the same listing with history").isTrue();
    }

    @Test
    void aCleanupPolicyReadsTheImportedLastSession(@TempDir Path home) throws IOException {
        String locked = seeds.autoUser("imported", true);
        Instant lastSession = Instant.now().minus(Duration.ofDays(45));
        Path events = home.resolve("events.log");
        Files.writeString(events, "{\"ei\":1,\"event\":\"db.session.end\",\"code\":\"TDB01I\",\"time\":\"" + lastSession
                + "\",\"user\":\"" + locked + "\",\"sid\":\"s1\",\"db_service\":\"mongo\",\"db_protocol\":\"mongodb\","
                + "\"db_uri\":\"localhost:27017\",\"db_user\":\"" + locked + "\"}\n");

        CliRun imported = CliRun.runIn(home, false, "", "evidence", "import-teleport", events.toString(),
                "--server", target.uri());
        assertThat(imported.code()).as(imported.toString()).isZero();

        CliRun plan = CliRun.asIn(home, target, "dba", "cleanup", "--dry-run", "--report", "-");

        JsonNode mine = null;
        for (JsonNode user : new ObjectMapper().readTree(plan.out()).path("users")) {
            if (user.path("user").asText().equals("CN=" + locked)) {
                mine = user;
            }
        }
        assertThat(mine).as(plan.toString()).isNotNull();
        assertThat(mine.path("reason").asText()).contains("last active 45 d ago (Teleport audit)");
        assertThat(seeds.exists(locked)).isTrue();
    }

    @Test
    void aPolicyReportSaysWhenTeleportFailedToDropAUser(@TempDir Path home) throws IOException {
        String locked = seeds.autoUser("undropped", true);
        Instant failedAt = Instant.now().minus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Path events = home.resolve("events.log");
        // Teleport's failed drop at session end (TDB09W, db.session.user.deactivate with success false, delete true),
        // shaped like line 8 of teleport-audit/file-backend.log
        Files.writeString(events, "{\"ei\":1,\"event\":\"db.session.user.deactivate\",\"code\":\"TDB09W\",\"time\":\""
                + failedAt + "\",\"user\":\"" + locked + "\",\"sid\":\"s1\",\"db_service\":\"mongo\","
                + "\"db_protocol\":\"mongodb\",\"db_uri\":\"localhost:27017\",\"db_user\":\"" + locked + "\","
                + "\"success\":false,\"error\":\"(Unauthorized) not authorized\",\"message\":\"failed to delete user\","
                + "\"username\":\"" + locked + "\",\"delete\":true}\n");
        CliRun imported = CliRun.runIn(home, false, "", "evidence", "import-teleport", events.toString(),
                "--server", target.uri());
        assertThat(imported.code()).as(imported.toString()).isZero();

        CliRun report = CliRun.asIn(home, target, "dba", "cleanup", "--dry-run", "--report", "-");
        JsonNode json = new ObjectMapper().readTree(report.out());
        JsonNode mine = null;
        for (JsonNode user : json.path("users")) {
            if (user.path("user").asText().equals("CN=" + locked)) {
                mine = user;
            }
        }
        assertThat(mine).as(report.toString()).isNotNull();
        assertThat(mine.path("teleportFailed").path("action").asText()).isEqualTo("drop");
        assertThat(mine.path("teleportFailed").path("at").asText()).isEqualTo(failedAt.toString());
        assertThat(mine.path("teleportFailed").path("error").asText()).isEqualTo("(Unauthorized) not authorized");
        assertThat(json.path("counts").path("teleportFailed").asInt()).isEqualTo(1);

        CliRun text = CliRun.asIn(home, target, "dba", "cleanup", "--dry-run");
        assertThat(text.out()).as(text.toString()).contains("Teleport failed to lock or drop (its audit log): 1",
                "CN=" + locked + ": Teleport failed to drop it at " + failedAt + ": (Unauthorized) not authorized");
    }
}
