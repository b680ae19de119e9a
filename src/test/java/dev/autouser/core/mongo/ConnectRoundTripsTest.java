package dev.autouser.core.mongo;

import dev.autouser.sandbox.SandboxCluster;
import dev.autouser.testsupport.MongoTarget;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Connecting costs one round trip ({@code buildInfo}): the topology comes from the driver's own
 * handshake and the privileges ({@code connectionStatus}) wait until something asks for them
 * (issue 13). Whatever the console learns that way equals what the server's own {@code hello}
 * says, on a standalone server, a replica set's primary, a secondary reached directly, and a router.
 */
class ConnectRoundTripsTest {
    @Test
    void standaloneServer() {
        MongoTarget target = MongoTarget.sandbox();
        sameFactsAsTheServersOwnHello(target, target.uri(), Topology.STANDALONE, List.of());
    }

    @Test
    void aListingNeverAsksForHelloOrPrivileges() {
        MongoTarget target = MongoTarget.sandbox();
        ConnectionProfile profile = ConnectionProfile.x509(target.uri(), target.caFile(),
                target.clientFile(MongoTarget.DBA));
        try (MongoGateway gateway = MongoGateway.connect(profile, null)) {
            new dev.autouser.core.provisioning.AutoUserLister(gateway).list();
            List<String> names = names(gateway);
            assertEquals("buildInfo", names.get(0), names.toString());
            assertTrue(names.stream().noneMatch(n -> n.equals("hello") || n.equals("connectionStatus")), names.toString());
        }
    }

    @Test
    void replicaSetPrimaryAndASecondaryReachedDirectly() {
        MongoTarget target = MongoTarget.replicaSet();
        SandboxCluster set = target.sandboxCluster().orElseThrow();
        sameFactsAsTheServersOwnHello(target, target.uri(), Topology.REPLICA_SET_PRIMARY, List.of());
        String secondary = set.hosts().get((set.primaryIndex() + 1) % set.hosts().size());
        sameFactsAsTheServersOwnHello(target, "mongodb://" + secondary + "/?tls=true&directConnection=true",
                Topology.REPLICA_SET_SECONDARY, List.of("Connected to a secondary: connections to other members are"
                        + " not visible here, so activity checks only cover this node. Connect to the primary."));
    }

    @Test
    void router() {
        MongoTarget target = MongoTarget.routers();
        sameFactsAsTheServersOwnHello(target, target.uri(), Topology.SHARDED, List.of());
    }

    private static void sameFactsAsTheServersOwnHello(MongoTarget target, String uri, Topology expected,
                                                      List<String> warnings) {
        ConnectionProfile profile = ConnectionProfile.x509(uri, target.caFile(), target.clientFile(MongoTarget.DBA));
        try (MongoGateway gateway = MongoGateway.connect(profile, null)) {
            assertEquals(List.of("buildInfo"), names(gateway), "connecting asks buildInfo only");
            assertEquals(warnings, gateway.warnings());

            Document hello = gateway.run("admin", new Document("hello", 1), "read server facts");
            Document buildInfo = gateway.run("admin", new Document("buildInfo", 1), "read the server version");
            ServerFacts facts = gateway.facts();
            List<String> names = names(gateway);
            assertEquals("connectionStatus", names.get(names.size() - 1), "facts() asks for the privileges: " + names);
            assertEquals(expected, facts.topology());
            assertEquals(Topology.from(hello), facts.topology(), hello.toJson());
            assertEquals(java.util.Optional.ofNullable(hello.getString("setName")), facts.replicaSetName());
            assertEquals(ServerVersion.parse(buildInfo.getString("version")).toString(), facts.version().toString());
            assertEquals(HostingPlatform.detect(new com.mongodb.ConnectionString(uri).getHosts(), hello, buildInfo), facts.platform());
            assertEquals("CN=dba@$external", facts.identity());
            assertTrue(facts.can(Operation.values()[0]), facts.missingPrivileges().toString());
            assertEquals(warnings, facts.warnings());
            gateway.facts();
            assertEquals(names.size(), names(gateway).size(), "the privileges are asked once");
        }
    }

    private static List<String> names(MongoGateway gateway) {
        return gateway.commandTimesOnThisThread().stream().map(RoundTripCounter.CommandTime::command).toList();
    }
}
