package dev.autouser.cli;

import com.mongodb.client.MongoClient;
import dev.autouser.testsupport.MongoTarget;
import dev.autouser.testsupport.ServerCleanup;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10 "Output that a connected user controls": an auto-user picks its own driver appName;
 * {@code list} printed its ESC/OSC/BEL raw and so retitled and recoloured the DBA's terminal.
 */
class TerminalOutputTest {
    private static final String HOSTILE_APP = "\u001b]0;owned\u0007\u001b[31mred\rIDLE\u009b2J\u202eevil";
    private final MongoTarget target = MongoTarget.sandbox();
    private final String name = "term-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void cleanUp() {
        ServerCleanup.dropUser(target.dba(), "CN=" + name);
    }

    @Test
    void listPrintsAConnectedUsersAppNameWithItsControlCharactersEscaped() {
        target.dba().getDatabase("$external").runCommand(new Document("createUser", "CN=" + name)
                .append("roles", List.of(new Document("role", "read").append("db", "db1")))
                .append("customData", new Document("teleport-auto-user", true)));
        try (MongoClient session = target.connectAs(name, HOSTILE_APP)) {
            session.getDatabase("admin").runCommand(new Document("ping", 1));

            for (String format : List.of("--state=active", "--csv", "--json")) {
                CliRun run = CliRun.as(target, "dba", "list", format);

                assertEquals(0, run.code(), run.toString());
                assertTrue(run.out().contains("CN=" + name), run.toString());
                assertFalse(run.out().chars().anyMatch(c -> c == 0x1b || c == 0x07 || c == 0x9b || c == 0x202e),
                        format + ": raw control characters in " + run.out());
                assertFalse(run.out().replace("\r\n", "\n").contains("\r"), format + ": a lone carriage return in " + run.out());
                assertTrue(run.out().contains("owned"), run.toString());
            }
            CliRun table = CliRun.as(target, "dba", "list", "--state=active");
            assertTrue(table.out().contains("\\x1b]0;owned\\x07\\x1b[31mred\\rIDLE\\x9b2J\\u202eevil"), table.toString());
        }
    }

    @Test
    void everyControlCharacterButLineBreaksAndTabsIsEscaped() {
        StringWriter sink = new StringWriter();
        try (PrintWriter out = new PrintWriter(new TerminalWriter(sink))) {
            out.print("a\tb\r\nc\u0007d\u001b[2Ke\rf\u007f\u0085\u2066g\n");
        }

        assertEquals("a\tb\r\nc\\x07d\\x1b[2Ke\\rf\\x7f\\x85\\u2066g\n", sink.toString());
    }

    /** Plain chunks pass straight through; a carriage return at a chunk's end still decides with the next chunk. */
    @Test
    void carriageReturnAcrossChunksIsDecidedByTheNextChunk() throws Exception {
        StringWriter sink = new StringWriter();
        try (TerminalWriter out = new TerminalWriter(sink)) {
            out.write("plain text\n");
            out.write("crlf\r");
            out.write("\nlone\r");
            out.write("x".toCharArray(), 0, 1);
            out.write("tail\ttab\n");
        }
        assertEquals("plain text\ncrlf\r\nlone\\rxtail\ttab\n", sink.toString());
    }
}
