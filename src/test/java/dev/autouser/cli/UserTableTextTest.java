package dev.autouser.cli;

import dev.autouser.core.provisioning.AutoUser;
import dev.autouser.core.provisioning.LiveSession;
import dev.autouser.core.provisioning.RoleRef;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
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
        UserTableText.table(USERS, new PrintWriter(text));
        List<String> lines = text.toString().lines().toList();
        assertEquals(3, lines.size());
        int state = lines.get(0).indexOf("STATE");
        assertEquals(state, lines.get(1).indexOf("active"));
        assertEquals(state, lines.get(2).indexOf("locked"));
        assertEquals("MONGODB USER        TELEPORT USER  ROOT CLUSTER  STATE   ROLES          CONNECTIONS  CLIENTS"
                + "        APPS", lines.get(0));
        assertEquals("CN=alice            alice                        active  readWrite@db1  1            10.0.0.5:5000"
                + "  mongosh", lines.get(1));
        assertEquals("CN=remote-bob-root  bob            root          locked                 0", lines.get(2));
    }

    @Test
    void noUsersIsTheHeaderAlone() {
        StringWriter text = new StringWriter();
        UserTableText.table(List.of(), new PrintWriter(text));
        assertEquals("MONGODB USER  TELEPORT USER  ROOT CLUSTER  STATE  ROLES  CONNECTIONS  CLIENTS  APPS\n", text.toString());
    }
}
