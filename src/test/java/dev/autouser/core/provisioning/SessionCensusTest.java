package dev.autouser.core.provisioning;

import dev.autouser.core.ConsoleException;
import dev.autouser.core.mongo.Deployment;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionCensusTest {
    private static SessionCensus.NodeAnswer answered(String host, Deployment.NodeRole role) {
        return new SessionCensus.NodeAnswer(new Deployment.Node(host, role), Optional.empty(), 0);
    }

    private static SessionCensus.NodeAnswer silent(String host) {
        return new SessionCensus.NodeAnswer(new Deployment.Node(host, Deployment.NodeRole.SECONDARY),
                Optional.of("Timed out"), 0);
    }

    @Test
    void aSilentMemberRefusesUnlessThatVeryHostWasAllowed() {
        SessionCensus census = new SessionCensus(Map.of(), List.of(answered("db1:27017", Deployment.NodeRole.PRIMARY),
                silent("db2:27017")), 2);
        ConsoleException refused = assertThrows(ConsoleException.class, () -> census.requireComplete(Set.of()));
        assertTrue(refused.getMessage().contains("db2:27017 (secondary): could not be asked (Timed out)"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("--allow-unverified db2:27017"), refused.getMessage());
        assertThrows(ConsoleException.class, () -> census.requireComplete(Set.of("db3:27017")));
        assertEquals(Map.of(), census.requireComplete(Set.of("db2:27017")));
        assertEquals("1/2 members answered; no answer from db2:27017", SessionCensus.summary(census.answers()));
    }

    @Test
    void aStandaloneNeedsNoSummaryAndRoutersAreCountedAsMongos() {
        assertEquals("", SessionCensus.summary(List.of(answered("db:27017", Deployment.NodeRole.STANDALONE))));
        assertEquals("2/2 mongos answered", SessionCensus.summary(List.of(answered("r1:27017", Deployment.NodeRole.ROUTER),
                answered("r2:27017", Deployment.NodeRole.ROUTER))));
    }
}
