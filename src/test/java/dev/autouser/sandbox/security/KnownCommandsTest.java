package dev.autouser.sandbox.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The command lists behind {@link Authorizer#isKnownCommand} match what the checks really handle. */
class KnownCommandsTest {

    private static final AuthzSession NOBODY = new AuthzSession(List.of(), Set.of(), new PrivilegeSet(List.of()));

    /** True when the check recognised the command: it allowed it or refused it for a reason. */
    private static boolean recognised(CheckCall call) {
        try {
            return call.run();
        } catch (NotAuthorized | MongoServerError handled) {
            return true;
        }
    }

    private interface CheckCall {
        boolean run();
    }

    @Test
    void everyListedCommandIsHandledByItsCheck() {
        for (String name : UmcRequirements.COMMANDS) {
            Document body = new Document(name, "x");
            assertTrue(recognised(() -> UmcRequirements.check(NOBODY, "db1", name, body)), name);
        }
        for (String name : DataRequirements.COMMANDS) {
            Document body = new Document(name, "x");
            assertTrue(recognised(() -> DataRequirements.check(NOBODY, "db1", name, body)), name);
        }
        assertTrue(Authorizer.isKnownCommand("currentOp"));
        assertTrue(Authorizer.isKnownCommand("serverStatus"));
        assertTrue(Authorizer.isKnownCommand("explain"));
        assertFalse(Authorizer.isKnownCommand("atlasVersion"));
    }

    @Test
    void checksDoNotHandleUnlistedCommands() {
        Document body = new Document("atlasVersion", 1);
        assertFalse(UmcRequirements.check(NOBODY, "admin", "atlasversion", body));
        assertFalse(DataRequirements.check(NOBODY, "admin", "atlasversion", body));
        assertFalse(ServerRequirements.check(NOBODY, "atlasversion", body));
    }
}
