package dev.autouser.cli;

import dev.autouser.core.provisioning.AutoUser;
import dev.autouser.core.provisioning.LiveSession;
import dev.autouser.core.provisioning.RoleRef;
import org.bson.Document;
import dev.autouser.core.history.Activity;
import dev.autouser.core.history.EvidenceSource;
import dev.autouser.core.history.UserEvidence;
import dev.autouser.core.history.UserKey;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The text table, now written row by row to the command's writer after one pass for the widths. */
class UserTableTextTest {
    private static final List<AutoUser> USERS = List.of(
            new AutoUser("CN=alice", "alice", Optional.empty(), List.of(new RoleRef("readWrite", "db1")), false,
                    new Document("teleport-auto-user", true), List.of(new LiveSession(7, "10.0.0.5:5000", "mongosh"))),
            new AutoUser("CN=remote-bob-root", "remote-bob-root", Optional.of("root"), List.of(), true,
                    new Document("teleport-auto-user", true), List.of()));

    @Test
    void tableAlignsColumnsToTheWidestCell() {
        StringWriter text = new StringWriter();
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        UserKey bob = new UserKey("db1:27017", UserKey.MONGODB, "CN=remote-bob-root");
        Map<String, UserEvidence> evidence = Map.of("CN=remote-bob-root", new UserEvidence(bob,
                Optional.of(now.minus(Duration.ofDays(4))), Map.of(EvidenceSource.OBSERVED, new Activity(
                        now.minus(Duration.ofHours(5)), EvidenceSource.OBSERVED, "mongosh", "")),
                Optional.of(now.minus(Duration.ofMinutes(12))), Optional.empty(), Optional.empty(), Optional.empty()));
        UserTableText.table(USERS, evidence, now, new PrintWriter(text));
        List<String> lines = text.toString().lines().toList();
        assertEquals(3, lines.size());
        int state = lines.get(0).indexOf("STATE");
        assertEquals(state, lines.get(1).indexOf("active"));
        assertEquals(state, lines.get(2).indexOf("locked"));
        assertEquals("MONGODB USER        TELEPORT USER  ROOT CLUSTER  STATE   ROLES          CONNECTIONS  CLIENTS"
                + "        APPS     LAST ACTIVE         LOCKED SINCE  FIRST SEEN", lines.get(0));
        assertEquals("CN=alice            alice                        active  readWrite@db1  1            10.0.0.5:5000"
                + "  mongosh  -                   -             -", lines.get(1));
        assertEquals("CN=remote-bob-root  bob            root          locked                 0                      "
                + "              5 h ago (observed)  12 min ago    4 d ago", lines.get(2));
    }

    @Test
    void noUsersIsTheHeaderAlone() {
        StringWriter text = new StringWriter();
        UserTableText.table(List.of(), Map.of(), Instant.now(), new PrintWriter(text));
        assertEquals("MONGODB USER  TELEPORT USER  ROOT CLUSTER  STATE  ROLES  CONNECTIONS  CLIENTS  APPS  LAST ACTIVE"
                + "  LOCKED SINCE  FIRST SEEN\n", text.toString());
    }
}
