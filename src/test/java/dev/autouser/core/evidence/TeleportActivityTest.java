package dev.autouser.core.evidence;

import dev.autouser.core.engine.Engine;
import dev.autouser.core.history.ActivitySink;
import dev.autouser.core.history.TeleportIdentity;
import dev.autouser.core.history.UserKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fixtures under src/test/resources/teleport-audit are built field by field from Teleport's own
 * definitions: JSON names from gravitational/teleport api/proto/teleport/legacy/types/events/events.proto
 * (Metadata: ei, event, uid, code, time, cluster_name; UserMetadata: user, user_kind, user_roles;
 * SessionMetadata: sid; DatabaseMetadata: db_service, db_protocol, db_uri, db_name, db_user, db_roles,
 * db_type, db_origin; Status: success, error, message; DatabaseUserCreate: username, roles;
 * DatabaseUserDeactivate: username, delete; DatabaseSessionEnd: session_start, session_stop), event
 * types from lib/events/api.go (db.session.start, db.session.end, db.session.user.create,
 * db.session.user.deactivate), codes from lib/events/codes.go (TDB00I/W, TDB01I, TDB08I/W, TDB09I/W),
 * and which fields each event carries from lib/srv/db/common/audit.go (OnSessionStart, OnSessionEnd,
 * OnDatabaseUserCreate, OnDatabaseUserDeactivate: the failure code replaces the success code, with
 * success=false and the error).
 */
class TeleportActivityTest {
    private static TeleportActivity.Import fixture(String name) throws IOException {
        try (Reader reader = new InputStreamReader(Objects.requireNonNull(
                TeleportActivityTest.class.getResourceAsStream("/teleport-audit/" + name)), StandardCharsets.UTF_8)) {
            return TeleportActivity.read(reader);
        }
    }

    @Test
    void fileBackendLinesGiveLastSessionIdentityAndDeactivation() throws IOException {
        TeleportUserActivity alice = fixture("file-backend.log").byMongoName().get("CN=alice");

        assertThat(alice.lastSeen()).contains(Instant.parse("2026-11-28T10:02:41.977Z"));
        assertThat(alice.teleportUser()).isEqualTo("alice");
        assertThat(alice.teleportRoles()).containsExactly("access", "mongo-dev");
        assertThat(alice.databaseRoles()).containsExactly("readWrite@db1");
        assertThat(alice.deactivationFailed()).isFalse();
        assertThat(alice.lastDeactivation()).hasValueSatisfying(d -> assertThat(d.deleted()).isFalse());
    }

    @Test
    void theHistoryGetsWhoUsedEachUserAndTeleportsLockUnderTheEngineImported() throws IOException {
        TeleportActivity.Import imported = fixture("file-backend.log");
        UserKey alice = new UserKey("pg1:5432",
                UserKey.POSTGRESQL, "alice");

        assertThat(TeleportActivity.identities(imported, "pg1:5432", Engine.POSTGRESQL))
                .contains(new ActivitySink.Identified(alice, new TeleportIdentity(
                        Instant.parse("2026-11-28T10:02:42.120Z"), "alice", List.of("access", "mongo-dev"), List.of("readWrite@db1"))));
        assertThat(TeleportActivity.deactivations(imported, "pg1:5432", Engine.POSTGRESQL))
                .extracting(ActivitySink.Deactivated::key).contains(alice);
        assertThat(TeleportActivity.deactivations(imported, "db1:27017", Engine.MONGODB))
                .extracting(ActivitySink.Deactivated::key)
                .contains(new UserKey("db1:27017", UserKey.MONGODB, "CN=alice"));
    }

    @Test
    void failedDeactivationIsReportedWithTeleportsError() throws IOException {
        TeleportUserActivity bob = fixture("file-backend.log").byMongoName().get("CN=bob");

        assertThat(bob.deactivationFailed()).isTrue();
        assertThat(bob.lastDeactivation().orElseThrow().error()).contains("not authorized").contains("dropUser");
        assertThat(bob.lastDeactivation().orElseThrow().deleted()).isTrue();
        assertThat(bob.lastSeen()).contains(Instant.parse("2026-11-29T16:40:10Z"));
    }

    @Test
    void refusedSessionStartIsNotUse() throws IOException {
        TeleportUserActivity carol = fixture("file-backend.log").byMongoName().get("CN=carol");

        assertThat(carol.lastSeen()).isEmpty();
    }

    @Test
    void badAndForeignLinesAreCountedAndReportedNeverFatal() throws IOException {
        TeleportImportCounts counts = fixture("file-backend.log").counts();

        assertThat(counts.read()).isEqualTo(12);
        assertThat(counts.used()).isEqualTo(7);
        assertThat(counts.foreign()).isEqualTo(2);
        assertThat(counts.bad()).isEqualTo(3);
        assertThat(counts.firstProblems()).containsExactly("line 4: not JSON",
                "line 10: no \"time\"", "line 13: not an event");
        assertThat(counts.summary()).startsWith("12 events read: 7 used, 2 of other types, 3 bad (line 4: not JSON");
    }

    @Test
    void webUiExportArrayNewestFirstKeepsTheLatestSession() throws IOException {
        TeleportActivity.Import imported = fixture("web-export.json");

        TeleportUserActivity yara = imported.byMongoName().get("CN=remote-yara-root-eu");
        assertThat(yara.lastSeen()).contains(Instant.parse("2026-11-30T12:30:05.5Z"));
        assertThat(yara.teleportUser()).isEqualTo("yara");
        assertThat(imported.counts().used()).isEqualTo(2);
        assertThat(imported.counts().foreign()).isEqualTo(1);
        assertThat(imported.counts().bad()).isZero();
    }

    @Test
    void webApiSearchObjectIsReadLikeTheArray() throws IOException {
        TeleportActivity.Import imported = fixture("web-api-search.json");

        assertThat(imported.byMongoName()).containsOnlyKeys("CN=remote-yara-root-eu");
        assertThat(imported.counts().read()).isEqualTo(3);
    }

    @Test
    void aDocumentThatBreaksOffKeepsWhatCameBeforeAndSaysWhere() throws IOException {
        String cut = "[{\"event\":\"db.session.start\",\"code\":\"TDB00I\",\"time\":\"2026-11-30T11:00:00Z\","
                + "\"success\":true,\"user\":\"ann\",\"db_user\":\"ann\"},\n{\"event\":\"db.sess";

        TeleportActivity.Import imported = TeleportActivity.read(new StringReader(cut));

        assertThat(imported.byMongoName()).containsOnlyKeys("CN=ann");
        assertThat(imported.counts().bad()).isEqualTo(1);
        assertThat(imported.counts().firstProblems().get(0)).startsWith("the JSON breaks off at line 2");
    }

    @Test
    void emptyInputReadsNothing() throws IOException {
        assertThat(TeleportActivity.read(new StringReader("\n\n")).counts().read()).isZero();
    }

    @Test
    void aLargeLogIsStreamedLineByLine(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("events.log");
        int users = 500;
        int perUser = 40;
        try (Writer out = Files.newBufferedWriter(log)) {
            for (int i = 0; i < perUser; i++) {
                for (int u = 0; u < users; u++) {
                    out.write("{\"event\":\"db.session.start\",\"code\":\"TDB00I\",\"time\":\"2026-11-"
                            + String.format("%02d", 1 + i % 28) + "T10:00:00Z\",\"success\":true,\"user\":\"u" + u
                            + "\",\"db_protocol\":\"mongodb\",\"db_user\":\"u" + u + "\"}\n");
                }
            }
        }
        TeleportActivity.Import imported;
        try (Reader reader = Files.newBufferedReader(log)) {
            imported = TeleportActivity.read(reader);
        }
        assertThat(imported.counts().used()).isEqualTo((long) users * perUser);
        assertThat(imported.byMongoName()).hasSize(users);
        assertThat(imported.byMongoName().get("CN=u7").lastSeen()).contains(Instant.parse("2026-11-28T10:00:00Z"));
        assertThat(List.of(imported.counts().bad(), imported.counts().foreign())).containsOnly(0L);
    }
}
