package dev.autouser.ui.users;

import dev.autouser.core.mongo.Deployment;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.provisioning.AutoUserLister;
import dev.autouser.core.provisioning.SessionCensus;
import dev.autouser.testsupport.MongoTarget;
import dev.autouser.testsupport.Seeds;
import dev.autouser.ui.support.FxExecutors;
import dev.autouser.ui.support.RecordingDialogs;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The users page on a replica set: which members were asked, and the status bar's one line. */
class UsersTopologyTest {
    @Test
    void aRefreshOnAReplicaSetListsEveryMemberThatWasAskedAndWhereWritesGo() {
        MongoTarget target = MongoTarget.replicaSet();
        try (MongoGateway gateway = new Seeds(target).gatewayAs(MongoTarget.DBA)) {
            List<String> statusLines = new ArrayList<>();
            UsersViewModel model = new UsersViewModel(new AutoUserLister(gateway)::list, new RecordingDialogs(),
                    FxExecutors.direct(), at -> { });
            model.nodesProperty().addListener((o, old, nodes) -> statusLines.add(SessionCensus.summary(nodes)));
            model.refresh();
            List<SessionCensus.NodeAnswer> nodes = model.nodesProperty().get();
            assertEquals(target.sandboxCluster().orElseThrow().hosts().stream().sorted().toList(),
                    nodes.stream().map(n -> n.node().host()).toList());
            assertEquals(1, nodes.stream().filter(n -> n.node().role() == Deployment.NodeRole.PRIMARY).count());
            assertTrue(nodes.stream().allMatch(SessionCensus.NodeAnswer::answered));
            assertEquals(List.of("3/3 members answered"), statusLines);
        }
    }
}
