package dev.autouser.core.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autouser.core.provisioning.AutoUser;
import dev.autouser.core.provisioning.OwnedObjects;
import dev.autouser.core.provisioning.LiveSession;
import dev.autouser.core.provisioning.RoleRef;
import dev.autouser.core.provisioning.TeleportName;
import org.bson.Document;
import dev.autouser.core.history.Activity;
import dev.autouser.core.history.EvidenceSource;
import dev.autouser.core.history.UserEvidence;
import dev.autouser.core.history.UserKey;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one export format of the CLI and the console (issue 9), safe against what connected users choose (issue 10). */
class UserExportTest {
    private static AutoUser user(String mongoName, String... appNames) {
        List<LiveSession> sessions = java.util.stream.IntStream.range(0, appNames.length)
                .mapToObj(i -> new LiveSession(7 + i, "10.0.0.1:5000" + i, appNames[i])).toList();
        return new AutoUser(mongoName, TeleportName.fromMongoName(mongoName).teleportName(),
                TeleportName.fromMongoName(mongoName).cluster(), List.of(RoleRef.parse("read@db2"), RoleRef.parse("read@reporting")),
                false, new Document("teleport-auto-user", true), sessions);
    }

    @Test
    void csvNamesTheTeleportUserAndTheirRootCluster() {
        String csv = UserExport.csv(List.of(user("CN=remote-yara-root-eu"), user("CN=alice", "mongosh")));

        assertEquals("mongo_user,teleport_user,root_cluster,state,roles,connections,clients,apps,"
                + "last_active,last_active_source,locked_since,first_seen\r\n"
                + "CN=remote-yara-root-eu,yara,root-eu,not-cleaned-up,read@db2 read@reporting,0,,,,,,\r\n"
                + "CN=alice,alice,,active,read@db2 read@reporting,1,10.0.0.1:50000,mongosh,,,,\r\n", csv);
    }

    @Test
    void theHistorysEvidenceIsInBothFormatsAsInstants() throws Exception {
        Instant first = Instant.parse("2026-11-28T08:00:00Z");
        Instant active = Instant.parse("2026-11-30T17:45:00Z");
        Instant locked = Instant.parse("2026-11-30T18:00:00Z");
        UserKey key = new UserKey("db1:27017", UserKey.MONGODB, "CN=bob");
        UserEvidence evidence = new UserEvidence(key, Optional.of(first), Map.of(EvidenceSource.TELEPORT_AUDIT,
                new Activity(active, EvidenceSource.TELEPORT_AUDIT, "", "")), Optional.of(locked), Optional.empty(),
                Optional.empty(), Optional.empty());
        Map<String, UserEvidence> known = Map.of("CN=bob", evidence);

        String csv = UserExport.render(UserExport.Format.CSV, List.of(user("CN=bob"), user("CN=carol")), known);
        JsonNode json = new ObjectMapper().readTree(UserExport.render(UserExport.Format.JSON, List.of(user("CN=bob"),
                user("CN=carol")), known));

        assertTrue(csv.contains(",0,,,2026-11-30T17:45:00Z,Teleport audit,2026-11-30T18:00:00Z,2026-11-28T08:00:00Z\r\n"), csv);
        assertTrue(csv.endsWith("CN=carol,carol,,not-cleaned-up,read@db2 read@reporting,0,,,,,,\r\n"), csv);
        assertEquals("2026-11-30T17:45:00Z", json.get(0).path("lastActive").asText());
        assertEquals("Teleport audit", json.get(0).path("lastActiveSource").asText());
        assertEquals("2026-11-30T18:00:00Z", json.get(0).path("lockedSince").asText());
        assertEquals("2026-11-28T08:00:00Z", json.get(0).path("firstSeen").asText());
        assertTrue(json.get(1).path("lastActive").isNull() && json.get(1).path("firstSeen").isNull(), json.toString());
    }

    @Test
    void jsonHasTheSameIdentityModel() throws Exception {
        JsonNode users = new ObjectMapper().readTree(UserExport.json(List.of(user("CN=remote-yara-root-eu"), user("CN=alice"))));

        assertEquals("CN=remote-yara-root-eu", users.get(0).path("mongoUser").asText());
        assertEquals("yara", users.get(0).path("teleportUser").asText());
        assertEquals("root-eu", users.get(0).path("rootCluster").asText());
        assertTrue(users.get(1).path("rootCluster").isNull());
        assertEquals("read", users.get(0).path("roles").get(0).path("role").asText());
        assertEquals("not-cleaned-up", users.get(0).path("state").asText());
    }

    @Test
    void csvNeutralisesFormulasThatAConnectedUserPutInItsAppName() {
        String csv = UserExport.csv(List.of(user("CN=eve", "=HYPERLINK(\"http://x\",\"click\")"), user("CN=+mal", "@SUM(1)"),
                user("CN=bob", "-2+3")));

        List<String> rows = csv.lines().toList();
        assertTrue(rows.get(1).endsWith(",\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\",,,,"), rows.get(1));
        assertTrue(rows.get(2).endsWith(",'@SUM(1),,,,"), rows.get(2));
        assertTrue(rows.get(3).endsWith(",'-2+3,,,,"), rows.get(3));
        assertTrue(csv.lines().skip(1).flatMap(line -> java.util.Arrays.stream(line.split(","))).noneMatch(cell -> cell.startsWith("=")),
                csv);
    }

    @Test
    void controlCharactersAreEscapedInCsvAndJson() throws Exception {
        String hostile = "\u001b]0;owned\u0007x\r\ny\u009b\u202e";
        AutoUser user = user("CN=eve", hostile);

        String csv = UserExport.csv(List.of(user));
        String json = UserExport.json(List.of(user));

        assertTrue(csv.contains(",\\x1b]0;owned\\x07x\\r\\ny\\x9b\\u202e,,,,\r\n"), csv);
        assertEquals(2, csv.split("\r\n").length, csv);
        assertFalse(json.chars().anyMatch(UntrustedText::isUnsafeCodePoint), json);
        assertEquals(hostile, new ObjectMapper().readTree(json).get(0).path("apps").get(0).asText(), "JSON keeps the exact text");
    }

    /** JSON is streamed (issue 13) but reads exactly as the data binding's indented output did. */
    @Test
    void streamedJsonIsTheIndentedArrayTheDataBindingWrites() throws Exception {
        String json = UserExport.json(List.of(user("CN=remote-yara-root-eu"), user("CN=alice", "mongosh", "compass")));
        com.fasterxml.jackson.databind.ObjectMapper indenting = new ObjectMapper()
                .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
        assertEquals(indenting.writeValueAsString(indenting.readTree(json)) + "\n", json);
        assertEquals(List.of("mongosh", "compass"),
                List.of(indenting.readTree(json).get(1).path("apps").get(0).asText(),
                        indenting.readTree(json).get(1).path("apps").get(1).asText()));
        assertEquals("[ ]\n", UserExport.json(List.of()));
    }

    @Test
    void writingToAWriterGivesTheSameTextAndLeavesItOpen() {
        List<AutoUser> users = List.of(user("CN=alice", "mongosh"));
        for (UserExport.Format format : UserExport.Format.values()) {
            java.io.StringWriter out = new java.io.StringWriter();
            java.io.PrintWriter writer = new java.io.PrintWriter(out);
            UserExport.write(format, users, writer);
            writer.print("after");
            writer.flush();
            assertEquals(UserExport.render(format, users) + "after", out.toString());
        }
    }

    @Test
    void aPostgresExportNamesTheRoleUserAndTheEngineAndSaysWhatItOwnsWithoutMongoUser() throws Exception {
        AutoUser role = new AutoUser("alice", "alice", Optional.empty(), List.of(RoleRef.serverWide("reader")), true,
                new Document(), List.of(), List.of(new OwnedObjects("sales", 2), new OwnedObjects("", 1)),
                Optional.of(Instant.parse("2027-01-01T00:00:00Z")));

        JsonNode json = new ObjectMapper().readTree(UserExport.render(UserExport.Format.JSON,
                dev.autouser.core.engine.Engine.POSTGRESQL, List.of(role), Map.of()));
        String csv = UserExport.render(UserExport.Format.CSV, dev.autouser.core.engine.Engine.POSTGRESQL, List.of(role), Map.of());

        assertEquals("alice", json.get(0).path("user").asText());
        assertEquals("postgresql", json.get(0).path("engine").asText());
        assertTrue(json.get(0).path("mongoUser").isMissingNode(), json.toString());
        assertEquals("sales", json.get(0).path("ownedObjects").get(0).path("database").asText());
        assertEquals(2, json.get(0).path("ownedObjects").get(0).path("count").asInt());
        assertEquals("2027-01-01T00:00:00Z", json.get(0).path("validUntil").asText());
        assertEquals("user,teleport_user,root_cluster,state,roles,connections,clients,apps,last_active,last_active_source,"
                + "locked_since,first_seen,engine,owned_objects,valid_until\r\n"
                + "alice,alice,,locked,reader,0,,,,,,,postgresql,sales:2 (server):1,2027-01-01T00:00:00Z\r\n", csv);
    }

    @Test
    void aMongoExportKeepsMongoUserNextToTheNeutralFieldsAndItsCsvAsItWas() throws Exception {
        JsonNode json = new ObjectMapper().readTree(UserExport.json(List.of(user("CN=alice"))));

        assertEquals("CN=alice", json.get(0).path("user").asText());
        assertEquals("mongodb", json.get(0).path("engine").asText());
        assertEquals("CN=alice", json.get(0).path("mongoUser").asText());
        assertTrue(json.get(0).path("validUntil").isNull(), json.toString());
        assertTrue(UserExport.csv(List.of(user("CN=alice"))).startsWith(UserExport.CSV_HEADER + "\r\n"));
    }
}
