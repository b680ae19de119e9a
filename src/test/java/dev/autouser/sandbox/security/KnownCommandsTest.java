package dev.autouser.sandbox.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The command table's privilege column matches what the privilege rules really handle. */
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
    void everyCommandInTheTableIsHandledByTheRuleItNames() {
        for (CommandSpec spec : CommandTable.all()) {
            String key = spec.key();
            Document body = new Document(spec.name(), "x");
            switch (spec.privileges()) {
                case USER_ADMIN -> assertTrue(recognised(() -> UmcRequirements.check(NOBODY, "db1", key, body)), key);
                case DATA -> assertTrue(recognised(() -> DataRequirements.check(NOBODY, "db1", key, body)), key);
                case SERVER -> assertTrue(recognised(() -> ServerRequirements.check(NOBODY, key, body)), key);
                case NONE -> assertFalse(spec.needsLogin(), key);
                case LOGIN_ONLY, EXPLAIN -> assertTrue(spec.needsLogin(), key);
            }
        }
    }

    @Test
    void rulesDoNotHandleCommandsOutsideTheTable() {
        Document body = new Document("atlasVersion", 1);
        assertTrue(CommandTable.find("atlasVersion").isEmpty());
        assertFalse(UmcRequirements.check(NOBODY, "admin", "atlasversion", body));
        assertFalse(DataRequirements.check(NOBODY, "admin", "atlasversion", body));
        assertFalse(ServerRequirements.check(NOBODY, "atlasversion", body));
    }

    @Test
    void lookupIsCaseSensitiveWithMongodsHistoricalAliases() {
        assertEquals("usersInfo", CommandTable.find("usersInfo").orElseThrow().name());
        assertTrue(CommandTable.find("usersinfo").isEmpty());
        assertEquals("isMaster", CommandTable.find("ismaster").orElseThrow().name());
        assertEquals("dropIndexes", CommandTable.find("deleteIndexes").orElseThrow().name());
        assertEquals("usersInfo", CommandTable.findIgnoringCase("USERSINFO").orElseThrow().name());
    }

    @Test
    void onlyHandshakeAuthenticationAndSessionEndingRunWithoutALogin() {
        List<String> open = CommandTable.all().stream().filter(spec -> !spec.needsLogin()).map(CommandSpec::name).toList();
        assertEquals(List.of("hello", "isMaster", "ping", "buildInfo", "authenticate", "saslStart", "saslContinue",
                "logout", "connectionStatus", "endSessions", "whatsmyuri"), open);
    }
}
