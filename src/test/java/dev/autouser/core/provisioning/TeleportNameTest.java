package dev.autouser.core.provisioning;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TeleportNameTest {
    @Test
    void stripsCnPrefix() {
        assertEquals(new TeleportName("alice", "alice", Optional.empty()), TeleportName.fromMongoName("CN=alice"));
    }

    @Test
    void recognisesRemoteUserFromRootCluster() {
        TeleportName name = TeleportName.fromMongoName("CN=remote-alice-root");
        assertEquals("remote-alice-root", name.teleportName());
        assertEquals("alice", name.user());
        assertEquals(Optional.of("root"), name.cluster());
    }

    @Test
    void clusterNameWithDashesStaysWhole() {
        TeleportName name = TeleportName.fromMongoName("CN=remote-ava-root-us");
        assertEquals("ava", name.user());
        assertEquals(Optional.of("root-us"), name.cluster());
    }

    @Test
    void knownClusterNamesResolveUsersWithDashes() {
        TeleportName name = TeleportName.fromMongoName("CN=remote-bob-smith-acme-prod", java.util.List.of("acme-prod"));
        assertEquals("bob-smith", name.user());
        assertEquals(Optional.of("acme-prod"), name.cluster());
    }

    @Test
    void aNameThatMerelyStartsWithRemoteIsLocal() {
        assertEquals(Optional.empty(), TeleportName.fromMongoName("CN=remote-x").cluster().filter(c -> false));
        assertEquals("remotely", TeleportName.fromMongoName("CN=remotely").user());
    }

    @Test
    void mongoNameAddsCnOnce() {
        assertEquals("CN=alice", TeleportName.mongoNameOf("alice"));
        assertEquals("CN=alice", TeleportName.mongoNameOf("CN=alice"));
    }
}
