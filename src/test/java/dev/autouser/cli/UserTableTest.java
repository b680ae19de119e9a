package dev.autouser.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.autouser.core.provisioning.AutoUser;
import dev.autouser.core.provisioning.LiveSession;
import dev.autouser.core.provisioning.RoleRef;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The listing's three outputs, now written user by user to the command's writer. */
class UserTableTest {
    private static final List<AutoUser> USERS = List.of(
            new AutoUser("CN=alice", "alice", Optional.empty(), List.of(new RoleRef("readWrite", "db1")), false,
                    new Document("teleport-auto-user", true), List.of(new LiveSession(7, "10.0.0.5:5000", "mongosh"))),
            new AutoUser("CN=remote-bob-root", "remote-bob-root", Optional.of("root"), List.of(), true,
                    new Document("teleport-auto-user", true), List.of()));

    @Test
    void jsonIsTheIndentedArrayTheDataBindingWouldHaveWritten() throws Exception {
        StringWriter text = new StringWriter();
        UserTable.json(USERS, text);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        JsonNode parsed = mapper.readTree(text.toString());
        assertEquals(mapper.writeValueAsString(parsed) + "\n", text.toString());
        assertEquals(2, parsed.size());
        JsonNode alice = parsed.get(0);
        assertEquals("CN=alice", alice.get("mongoUser").asText());
        assertEquals("active", alice.get("state").asText());
        assertEquals("readWrite", alice.get("roles").get(0).get("role").asText());
        assertEquals("10.0.0.5:5000", alice.get("clients").get(0).asText());
        assertEquals("mongosh", alice.get("apps").get(0).asText());
        JsonNode bob = parsed.get(1);
        assertEquals("root", bob.get("cluster").asText());
        assertEquals("locked", bob.get("state").asText());
        assertEquals(0, bob.get("connections").asInt());
        assertEquals(false, alice.has("cluster"));
    }

    @Test
    void jsonOfNoUsersIsAnEmptyArray() throws Exception {
        StringWriter text = new StringWriter();
        UserTable.json(List.of(), text);
        assertEquals(0, new ObjectMapper().readTree(text.toString()).size());
    }

    @Test
    void tableAlignsColumnsToTheWidestCell() {
        StringWriter text = new StringWriter();
        UserTable.table(USERS, new PrintWriter(text));
        List<String> lines = text.toString().lines().toList();
        assertEquals(3, lines.size());
        int state = lines.get(0).indexOf("STATE");
        assertEquals(state, lines.get(1).indexOf("active"));
        assertEquals(state, lines.get(2).indexOf("locked"));
        assertEquals("MONGODB USER        TELEPORT USER  CLUSTER  STATE   ROLES          CONNECTIONS  CLIENTS"
                + "        APPS", lines.get(0));
        assertEquals("CN=alice            alice                   active  readWrite@db1  1            10.0.0.5:5000"
                + "  mongosh", lines.get(1));
    }

    @Test
    void csvQuotesOnlyWhatNeedsIt() {
        StringWriter text = new StringWriter();
        UserTable.csv(USERS, new PrintWriter(text));
        assertEquals("mongo_user,teleport_user,cluster,state,roles,connections,clients,apps\r\n"
                + "CN=alice,alice,,active,readWrite@db1,1,10.0.0.5:5000,mongosh\r\n"
                + "CN=remote-bob-root,bob,root,locked,,0,,\r\n", text.toString());
    }
}
