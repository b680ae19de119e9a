package dev.autouser.core.provisioning;

import dev.autouser.core.mongo.ConnectionProfile;
import dev.autouser.core.mongo.Deployment;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.testsupport.MongoTarget;
import dev.autouser.testsupport.Seeds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Backs every sentence of {@link NotCleanedUpCauses}.
 *
 * <p>The Teleport causes are facts of Teleport's source (gravitational/teleport), which this console
 * cannot run; they are cited here so a reader can check them:
 * <ul>
 *   <li>Agent restart or crash: {@code lib/srv/db/mongodb/engine.go}, {@code Engine.HandleConnection}
 *       calls {@code GetUserProvisioner(e).Activate(...)} and then {@code defer ... Teardown(ctx, sessionCtx)}:
 *       the clean-up is a Go {@code defer} of the goroutine that serves the session, so it runs when
 *       that function returns and never if the process dies first.</li>
 *   <li>Mode off: {@code lib/srv/db/common/autousers.go}, {@code UserProvisioner.Activate} returns at once
 *       when {@code !sessionCtx.AutoCreateUserMode.IsEnabled()}, and {@code Teardown} switches only on
 *       {@code DB_USER_MODE_KEEP} (deactivate) and {@code DB_USER_MODE_BEST_EFFORT_DROP} (delete).</li>
 *   <li>Failed command: the same {@code defer} in {@code engine.go} only logs
 *       {@code "Failed to deactivate the user."} when {@code Teardown} returns an error; which missing
 *       privilege makes which end step fail is proven by {@code TeleportNeedsContract} (e.g. end drop without
 *       {@code dropUser}).</li>
 * </ul>
 * The topology cause is shown here against two sandbox mongos routers.
 */
class NotCleanedUpCausesTest {
    private static final MongoTarget ROUTERS = MongoTarget.routers();
    private final Seeds seeds = new Seeds(ROUTERS);

    @AfterEach
    void tearDown() {
        seeds.dropAll();
    }

    @Test
    void aSessionOnARouterTheConsoleWasNotAskedAboutLooksNotCleanedUp() {
        String name = seeds.autoUser("unasked-router", false, "read@db1");
        List<Deployment.Node> routers;
        try (MongoGateway both = seeds.gatewayAs(MongoTarget.DBA)) {
            routers = both.deployment().sessionNodes();
            assertTrue(routers.size() > 1, routers.toString());
            seeds.connectDirectly(name, routers.get(1).host(), "mongosh 2.3.1");
            assertEquals(UserState.ACTIVE, stateOf(both, name), "asked on every router: active");
        }
        ConnectionProfile firstRouterOnly = ConnectionProfile.x509("mongodb://" + routers.get(0).host() + "/?tls=true",
                ROUTERS.caFile(), ROUTERS.clientFile(MongoTarget.DBA));
        try (MongoGateway first = MongoGateway.connect(firstRouterOnly, null)) {
            AutoUserListing listing = new AutoUserLister(first).list();
            assertTrue(listing.silentNodes().isEmpty(), "the one router asked answered: no warning to lean on");
            assertEquals(UserState.NOT_CLEANED_UP, listing.find("CN=" + name).orElseThrow().state(),
                    "a live session through a router not in the connection string is invisible");
        }
    }

    @Test
    void theExplanationNamesEveryCause() {
        assertTrue(NotCleanedUpCauses.MEANING.startsWith("Not cleaned up: "));
        assertEquals(4, NotCleanedUpCauses.CAUSES.size());
        assertTrue(NotCleanedUpCauses.CAUSES.stream().anyMatch(c -> c.contains("restarted or crashed")));
        assertTrue(NotCleanedUpCauses.CAUSES.stream().anyMatch(c -> c.contains("mode off")));
        assertTrue(NotCleanedUpCauses.CAUSES.stream().anyMatch(c -> c.contains("Failed to deactivate the user.")));
        assertTrue(NotCleanedUpCauses.CAUSES.stream().anyMatch(c -> c.contains("did not ask")));
    }

    private static UserState stateOf(MongoGateway gateway, String teleportName) {
        return new AutoUserLister(gateway).list().find("CN=" + teleportName).orElseThrow().state();
    }
}
