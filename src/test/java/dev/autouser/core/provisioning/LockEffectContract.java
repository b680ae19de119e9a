package dev.autouser.core.provisioning;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.testsupport.MongoTarget;
import dev.autouser.testsupport.SeededContract;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link LockEffect#ON_OPEN_CONNECTIONS}, run: the console's own lock on a user with an open
 * connection. The connection answers (its socket is open) but no longer as the user: its next
 * command that needs a login fails with 13, and connectionStatus lists no user. Agrees with
 * MongoDB's jstests/auth/authentication_restrictions.js ("authorization privileges are revoked").
 */
abstract class LockEffectContract extends SeededContract {

    @Test
    void aLockedUsersOpenConnectionStaysOpenButCanNoLongerRunAnythingAsTheUser() {
        String name = seeds.autoUser("lock-live", false, "read@db1");
        MongoClient session = seeds.connect(name, "psql-like-client");
        session.getDatabase("db1").runCommand(new Document("find", "anything"));
        try (MongoGateway dba = seeds.gatewayAs(MongoTarget.DBA)) {
            dba.run(UserCommands.EXTERNAL, UserCommands.lock("CN=" + name), "lock CN=" + name);
        }
        MongoCommandException refused = assertThrows(MongoCommandException.class,
                () -> session.getDatabase("db1").runCommand(new Document("find", "anything")));
        assertEquals(13, refused.getErrorCode());
        assertTrue(refused.getErrorMessage().contains("requires authentication"), refused.getErrorMessage());
        Document status = session.getDatabase("admin").runCommand(new Document("connectionStatus", 1));
        assertEquals(List.of(), status.get("authInfo", Document.class).getList("authenticatedUsers", Document.class));
    }
}
