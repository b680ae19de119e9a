package dev.autouser.core.mongo;

import dev.autouser.core.provisioning.RoleRef;
import dev.autouser.core.provisioning.UserCommands;
import org.bson.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MongoCommandTest {
    /** Names a connected user or a role file could carry, each trying to end the string it sits in. */
    private static final String[] HOSTILE = {
        "CN=x\", \"db\": \"admin\"}}}}]); injected(); //",
        "CN=x\"}); injected(); ({\"a\": \"",
        "CN=back\\slash\\\"quote",
        "CN=line\nbreak); injected(); //",
        "CN=tab\there\u0001ctl",
        "CN=unicode-\u2028-\u00e9-\ud83d\ude00"
    };

    @Test
    void knowsDatabaseNameIntentAndPrivileges() {
        MongoCommand lock = UserCommands.lockCommand("CN=alice");

        assertEquals("$external", lock.database());
        assertEquals("updateUser", lock.name());
        assertEquals("lock CN=alice", lock.intent());
        assertEquals(List.of(Privilege.onDatabase("setAuthenticationRestriction", "$external"),
                Privilege.onEveryDatabase("revokeRole")), lock.requiredPrivileges());
    }

    @Test
    void grantingRolesNeedsGrantRoleOnTheirDatabases() {
        MongoCommand create = MongoCommand.of("$external",
                UserCommands.createUser("CN=bob", List.of(new RoleRef("read", "db2"), new RoleRef("read", "db1"))),
                "activate CN=bob");

        assertEquals("createUser and setAuthenticationRestriction on $external and grantRole on db1, db2",
                RequiredPrivileges.describe(create.requiredPrivileges(), create.name(), create.database()));
    }

    @Test
    void isImmutable() {
        Document body = UserCommands.lock("CN=alice");
        MongoCommand lock = MongoCommand.of("$external", body, "lock CN=alice");
        String before = lock.shellText();

        body.append("roles", List.of("changed"));
        lock.body().getList("authenticationRestrictions", Document.class).get(0).append("changed", true);

        assertEquals(before, lock.shellText());
        assertNotEquals(body, lock.body());
    }

    @Test
    void aCommandNeedsAName() {
        assertThrows(IllegalArgumentException.class, () -> MongoCommand.of("admin", new Document(), "nothing"));
    }

    @Test
    void rendersTheFormDryRunsAndTheClipboardShow() {
        assertEquals("db.getSiblingDB(\"$external\").runCommand({\"updateUser\": \"CN=alice\", \"roles\": [],"
                        + " \"authenticationRestrictions\": [{\"clientSource\": [\"0.0.0.0\"]}]})",
                UserCommands.lockCommand("CN=alice").shellText());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void hostileNamesReachMongoshIntactInEveryRendering(int which) throws Exception {
        Assumptions.assumeTrue(ShellCalls.nodeAvailable(), "needs Node.js to parse the JavaScript");
        String name = HOSTILE[which];
        String script = String.join("\n",
                UserCommands.lockCommand(name).shellText(),
                UserCommands.noSessionCheck(name) + "  // must return nothing",
                UserCommands.dropCommand(name).shellText(),
                UserCommands.lockCommand(name).scriptText(),
                MongoshSyntax.oneLine(name, new Document("ping", 1)));

        List<Document> calls = ShellCalls.of(script);

        assertEquals(5, calls.size(), () -> "something was injected: " + calls);
        assertEquals(name, calls.get(0).get("runCommand", Document.class).getString("updateUser"));
        Document match = calls.get(1).getList("aggregate", Document.class).get(1).get("$match", Document.class);
        assertEquals(name, match.get("effectiveUsers", Document.class).get("$elemMatch", Document.class).getString("user"));
        assertEquals(name, calls.get(2).get("runCommand", Document.class).getString("dropUser"));
        assertEquals(name, calls.get(3).get("runCommand", Document.class).getString("updateUser"));
        assertEquals(name, calls.get(4).getString("db"));
    }
}
