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

    @Test
    void aHiddenMemberIsListedAsHiddenAndAnIdentityThatCannotLookForOneIsWarned() {
        MongoTarget target = MongoTarget.replicaSetWithHiddenMember();
        Seeds seeds = new Seeds(target);
        String hidden = target.sandboxCluster().orElseThrow().hosts().get(3);
        try (MongoGateway dba = seeds.gatewayAs(MongoTarget.DBA)) {
            UsersViewModel model = new UsersViewModel(new AutoUserLister(dba)::list, new RecordingDialogs(),
                    FxExecutors.direct(), at -> { });
            model.refresh();
            assertTrue(model.nodesProperty().get().stream().anyMatch(n -> n.node().host().equals(hidden)
                    && n.node().role() == Deployment.NodeRole.HIDDEN && n.answered()), model.nodesProperty().get().toString());
            assertEquals("", model.unlistedWarningProperty().get());
        }
        try (MongoGateway limited = seeds.gatewayAs(seeds.leastPrivilegeAdmin(List.of("db1")))) {
            UsersViewModel model = new UsersViewModel(new AutoUserLister(limited)::list, new RecordingDialogs(),
                    FxExecutors.direct(), at -> { });
            model.refresh();
            assertEquals(3, model.nodesProperty().get().size());
            assertTrue(model.unlistedWarningProperty().get().startsWith("hidden or delayed members of rs0 cannot be seen"
                    + " (replSetGetConfig refused"), model.unlistedWarningProperty().get());
        } finally {
            seeds.dropAll();
        }
    }
}
