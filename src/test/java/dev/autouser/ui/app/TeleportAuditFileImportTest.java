package dev.autouser.ui.app;

import dev.autouser.core.engine.Engine;
import dev.autouser.core.history.Activity;
import dev.autouser.core.history.EvidenceSource;
import dev.autouser.core.history.HistoryStore;
import dev.autouser.core.history.ServerName;
import dev.autouser.core.history.UserEvidence;
import dev.autouser.core.history.UserKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's Teleport import on a PostgreSQL session reads Teleport's PostgreSQL sessions into the
 * PostgreSQL history of that server, as {@code evidence import-teleport --server postgresql://…} does
 * (it read MongoDB's events into MongoDB's history whatever the session was).
 */
class TeleportAuditFileImportTest {
    @TempDir
    Path home;

    @Test
    void onAPostgresSessionTeleportsPostgresSessionsGoIntoThePostgresHistoryOfThatServer() throws Exception {
        Instant lastSession = Instant.now().minus(Duration.ofDays(45)).truncatedTo(ChronoUnit.SECONDS);
        Path events = home.resolve("events.log");
        Files.writeString(events, event("pgimport-alice", "postgres", lastSession)
                + event("pgimport-alice", "mongodb", Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        String server = ServerName.fromUri("postgresql://localhost:5432");
        Path historyFile = home.resolve("history.db");

        String said = new TeleportAuditFileImport(historyFile, server, Engine.POSTGRESQL).importFile(events);

        assertTrue(said.contains("1 user's"), said);
        try (HistoryStore store = HistoryStore.open(historyFile)) {
            Map<String, UserEvidence> postgres = store.evidence(server, UserKey.POSTGRESQL);
            UserEvidence alice = postgres.values().stream().filter(e -> e.key().user().equals("pgimport-alice"))
                    .findFirst().orElseThrow(() -> new AssertionError("not in the PostgreSQL history: " + postgres));
            Activity teleport = alice.lastActive().get(EvidenceSource.TELEPORT_AUDIT);
            assertEquals(lastSession, teleport.at(), "the PostgreSQL session's time, not the MongoDB one's");
            assertTrue(store.evidence(server, UserKey.MONGODB).isEmpty(), "nothing in MongoDB's history of this server");
        }
    }

    /** A session-end event of Teleport's audit log (file backend) for {@code user} on a database of {@code protocol}. */
    private static String event(String user, String protocol, Instant at) {
        return "{\"ei\":1,\"event\":\"db.session.end\",\"code\":\"TDB01I\",\"time\":\"" + at + "\",\"user\":\"" + user
                + "\",\"sid\":\"s-" + protocol + "\",\"db_service\":\"" + protocol + "-prod\",\"db_protocol\":\"" + protocol
                + "\",\"db_uri\":\"localhost:5432\",\"db_user\":\"" + user + "\"}\n";
    }
}
