package dev.autouser.core.history;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ServerNameTest {
    @Test
    void theSameHostsInAnotherOrderWithOptionsAndCredentialsAreOneServer() {
        assertThat(ServerName.fromUri("mongodb://dba:secret@B.example:27017,a.example/admin?tls=true"))
                .isEqualTo(ServerName.fromUri("mongodb://a.example:27017,b.example"))
                .isEqualTo("a.example:27017,b.example:27017");
    }

    @Test
    void postgresqlGetsItsOwnDefaultPort() {
        assertThat(ServerName.fromUri("postgresql://alice@db.example/postgres?sslmode=verify-full"))
                .isEqualTo("db.example:5432");
    }

    @Test
    void srvNamesStayOneName() {
        assertThat(ServerName.fromUri("mongodb+srv://Cluster0.example.net/?retryWrites=true"))
                .isEqualTo("mongodb+srv://cluster0.example.net");
    }

    @Test
    void latestActivityIsTheNewestOfAnySource() {
        UserKey key = new UserKey("h:1", "mongodb", "CN=alice");
        Activity observed = new Activity(Instant.parse("2026-12-01T10:00:00Z"), EvidenceSource.OBSERVED, "mongosh", "");
        Activity audit = new Activity(Instant.parse("2026-12-01T11:00:00Z"), EvidenceSource.TELEPORT_AUDIT, "", "");
        UserEvidence evidence = new UserEvidence(key, Optional.empty(),
                Map.of(EvidenceSource.OBSERVED, observed, EvidenceSource.TELEPORT_AUDIT, audit),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(evidence.latestActivity()).contains(audit);
        assertThat(UserEvidence.unknown(key).neverSeenActive()).isTrue();
    }
}
