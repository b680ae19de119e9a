package dev.autouser.ui.users;

import dev.autouser.core.provisioning.AutoUser;
import dev.autouser.core.provisioning.LiveSession;
import dev.autouser.core.provisioning.TeleportName;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the table shows: one identity model with the CLI, and what connected users chose shown escaped. */
class UserRowTest {
    @Test
    void aRemoteUserIsShownAsTheTeleportUserWithTheirRootCluster() {
        UserRow row = new UserRow(TestUsers.notCleanedUp("remote-yara-root-eu", "read@db2"));

        assertEquals("yara", row.teleportNameProperty().get());
        assertEquals("root-eu", row.clusterProperty().get());
    }

    @Test
    void anAppNameWithControlCharactersIsShownEscaped() {
        AutoUser user = new AutoUser("CN=eve", "eve", TeleportName.fromMongoName("CN=eve").cluster(), List.of(), false,
                new Document("teleport-auto-user", true), List.of(new LiveSession(1, "10.0.0.1:1", "\u001b[2Jcalm\rIDLE")));

        UserRow row = new UserRow(user);

        assertEquals("\\x1b[2Jcalm\\rIDLE", row.appsProperty().get());
    }
}
