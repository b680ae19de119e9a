package dev.autouser.core.mongo;

import dev.autouser.core.ConsoleException;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerFactsPartsTest {
    @Test
    void versionGatesShowCustomDataAndCurrentOpStage() {
        assertFalse(ServerVersion.parse("5.0.14").hasShowCustomData());
        assertTrue(ServerVersion.parse("5.2.0-rc1").hasShowCustomData());
        assertFalse(ServerVersion.parse("6.0.3").prefersCurrentOpStage());
        assertTrue(ServerVersion.parse("7.0.14").prefersCurrentOpStage());
    }

    @Test
    void atlasIsDetectedByHost() {
        assertEquals(HostingPlatform.ATLAS, HostingPlatform.detect(List.of("cluster0-shard-00-00.abcde.mongodb.net:27017"),
                new Document(), new Document()));
    }

    @Test
    void documentDbIsDetectedByHost() {
        assertEquals(HostingPlatform.DOCUMENTDB, HostingPlatform.detect(
                List.of("my-docdb.cluster-abcdefghijklm.us-east-1.docdb.amazonaws.com:27017"),
                new Document(), new Document()));
    }

    @Test
    void documentDbIsDetectedFromReplyHintsBehindATunnel() {
        assertEquals(HostingPlatform.DOCUMENTDB, HostingPlatform.detect(List.of("localhost:27017"),
                new Document("internal", new Document("documentdb_versions", List.of("0.1"))), new Document()));
    }

    @Test
    void plainServerIsSelfHosted() {
        assertEquals(HostingPlatform.SELF_HOSTED, HostingPlatform.detect(List.of("db.example.com:27017"),
                new Document("isWritablePrimary", true), new Document("version", "7.0.14")));
        assertTrue(HostingPlatform.ATLAS.explanation().contains("not support"));
    }

    @Test
    void topologyComesFromHello() {
        assertEquals(Topology.STANDALONE, Topology.from(new Document("isWritablePrimary", true)));
        assertEquals(Topology.REPLICA_SET_PRIMARY,
                Topology.from(new Document("setName", "rs0").append("isWritablePrimary", true)));
        assertEquals(Topology.REPLICA_SET_SECONDARY,
                Topology.from(new Document("setName", "rs0").append("secondary", true)));
        assertEquals(Topology.SHARDED, Topology.from(new Document("msg", "isdbgrid")));
    }

    @Test
    void whyNotNamesTheMissingPrivileges() {
        ServerFacts facts = new ServerFacts(ServerVersion.parse("7.0.14"), Topology.STANDALONE, Optional.empty(),
                List.of("CN=viewer@$external"), List.of("viewer@admin"),
                Map.of(Operation.DROP, List.of(Privilege.onDatabase("dropUser", "$external"))),
                HostingPlatform.SELF_HOSTED, List.of());
        assertTrue(facts.can(Operation.LIST));
        assertFalse(facts.can(Operation.DROP));
        assertEquals("Cannot drop auto-users: CN=viewer@$external lacks dropUser on $external.",
                facts.whyNot(Operation.DROP).orElseThrow());
    }

    @Test
    void authMechanismParsesCliSpellings() {
        assertEquals(AuthMechanism.X509, AuthMechanism.parse("x509"));
        assertEquals(AuthMechanism.X509, AuthMechanism.parse("X.509"));
        assertEquals(AuthMechanism.SCRAM, AuthMechanism.parse("scram-sha-256"));
        ConsoleException e = assertThrows(ConsoleException.class, () -> AuthMechanism.parse("kerberos"));
        assertEquals("Unknown authentication \"kerberos\": use x509, scram or none.", e.getMessage());
    }
}
