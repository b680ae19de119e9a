package dev.autouser.core.provisioning;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UserCommandsTest {
    private static final List<RoleRef> ROLES = RoleRef.parseList("readWrite@sales,read@admin");

    @Test
    void createUserIsTeleports() {
        assertEquals("{\"createUser\": \"CN=alice\", \"roles\": [{\"role\": \"read\", \"db\": \"admin\"},"
                        + " {\"role\": \"readWrite\", \"db\": \"sales\"}], \"customData\": {\"teleport-auto-user\": true},"
                        + " \"authenticationRestrictions\": []}",
                UserCommands.createUser("CN=alice", ROLES).toJson());
    }

    @Test
    void lockRemovesRolesAndRestrictsToNoAddress() {
        assertEquals("{\"updateUser\": \"CN=alice\", \"roles\": [], \"authenticationRestrictions\":"
                + " [{\"clientSource\": [\"0.0.0.0\"]}]}", UserCommands.lock("CN=alice").toJson());
    }

    @Test
    void activationSetsRolesAndClearsRestrictions() {
        assertEquals("{\"updateUser\": \"CN=alice\", \"roles\": [{\"role\": \"read\", \"db\": \"admin\"},"
                + " {\"role\": \"readWrite\", \"db\": \"sales\"}], \"authenticationRestrictions\": []}",
                UserCommands.activate("CN=alice", ROLES).toJson());
    }

    @Test
    void filteredListingNeverAsksForRestrictions() {
        assertEquals("{\"usersInfo\": 1, \"filter\": {\"customData.teleport-auto-user\": true}, \"showCustomData\": true}",
                UserCommands.usersInfoAutoUsers(UserPage.all(), true).toJson());
        assertEquals("{\"usersInfo\": 1, \"filter\": {\"customData.teleport-auto-user\": true}}",
                UserCommands.usersInfoAutoUsers(UserPage.all(), false).toJson());
    }

    @Test
    void exactMatchListingAsksForRestrictions() {
        assertEquals("{\"usersInfo\": [{\"user\": \"CN=a\", \"db\": \"$external\"}],"
                        + " \"showAuthenticationRestrictions\": true, \"showCustomData\": true}",
                UserCommands.usersInfoExact(List.of("CN=a"), true).toJson());
    }

    @Test
    void listingsExactMatchLeavesCustomDataOutFrom52() {
        assertEquals("{\"usersInfo\": [{\"user\": \"CN=a\", \"db\": \"$external\"}],"
                        + " \"showAuthenticationRestrictions\": true, \"showCustomData\": false}",
                UserCommands.usersInfoExact(List.of("CN=a"), false, true).toJson());
    }

    @Test
    void currentOpCoversIdleConnectionsOfAllUsers() {
        assertEquals("[{\"$currentOp\": {\"allUsers\": true, \"idleConnections\": true}},"
                        + " {\"$match\": {\"effectiveUsers.db\": \"$external\"}}]",
                UserCommands.currentOpPipeline().stream().map(d -> d.toJson()).toList().toString());
    }

    @Test
    void mongoshFormIsRunnableText() {
        assertEquals("db.getSiblingDB(\"$external\").runCommand({\"dropUser\": \"CN=alice\"})",
                UserCommands.dropCommand("CN=alice").shellText());
    }
}
