package dev.autouser.sandbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import de.bwaldvogel.mongo.bson.Document;
import dev.autouser.sandbox.security.BsonText;
import dev.autouser.sandbox.security.ServerErrors;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * mongod's in-memory log ("RamLog") that {@code getLog} reads: the latest 1,024 lines of the
 * {@code global} log as structured-log JSON strings, and {@code startupWarnings}. As mongod's getLog
 * command answers (src/mongo/db/commands/generic_servers.cpp): {@code "*"} lists the names, an unknown
 * name is {@code ok: 0, errmsg: "no RamLog named: X"}, a non-string is 14 TypeMismatch.
 *
 * <p>What is logged at the default verbosity. MongoDB's src/mongo/db/auth/authentication_session.cpp
 * has had four shapes of {@code markSuccessful}/{@code markFailed} (read with the search tool):
 * <ol>
 * <li>{@code LOGV2_DEBUG(5286306, kDiagnosticLogLevel = 0, ...)} with isSpeculative and isClusterMember only
 *     (no user, no client): the first AuthenticationSession;</li>
 * <li>{@code LOGV2_DEBUG} at level 3 with client, mechanism, user and db: not at the default verbosity;</li>
 * <li>{@code LOGV2(5286306 / 5286307, ...)} with client, isSpeculative, isClusterMember, mechanism, user, db,
 *     (error,) result and the authentication metrics ({@code conversation_duration}): at the default level;</li>
 * <li>the same behind {@code enableDetailedConnectionHealthMetricLogLines} (default on) with doc and extraInfo.</li>
 * </ol>
 * The stored source carries no release tags, so which release first shipped shape 3 is not pinned from
 * the source here; 7.0 is the assumption (real 7.0/8.0 logs show 5286306 at "s":"I" with the user). A
 * server reporting an earlier version logs none. A failed SCRAM proof is logged as 5286307 with the
 * user and mongod's reason ("SCRAM authentication failed, storedKey mismatch"), which the client never hears.
 */
final class ServerLog {
    static final int MAX_LINES = 1024;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx")
            .withZone(ZoneOffset.UTC);
    private static final JsonFactory JSON = new JsonFactory();

    private final boolean logsAuthentication;
    private final Deque<String> global = new ArrayDeque<>();
    private long totalLinesWritten;

    ServerLog(ReportedVersion version) {
        this.logsAuthentication = version.atLeast(7, 0);
    }

    void authenticated(ClientConnection connection, String mechanism, boolean speculative, String user, String db) {
        if (logsAuthentication) {
            write(5286306, "ACCESS", "conn" + connection.id(), "Successfully authenticated",
                    authAttributes(connection, mechanism, speculative, user, db, null));
        }
    }

    void authenticationFailed(ClientConnection connection, String mechanism, boolean speculative, String user,
                              String db, String error) {
        if (logsAuthentication) {
            write(5286307, "ACCESS", "conn" + connection.id(), "Failed to authenticate",
                    authAttributes(connection, mechanism, speculative, user, db, error));
        }
    }

    private static Map<String, Object> authAttributes(ClientConnection connection, String mechanism, boolean speculative,
                                                      String user, String db, String error) {
        Map<String, Object> attr = new java.util.LinkedHashMap<>();
        attr.put("client", connection.clientText());
        attr.put("isSpeculative", speculative);
        attr.put("isClusterMember", false);
        attr.put("mechanism", mechanism);
        attr.put("user", user);
        attr.put("db", db);
        if (error != null) {
            attr.put("error", error);
        }
        attr.put("result", error == null ? 0 : 18);
        attr.put("extraInfo", Map.of());
        return attr;
    }

    /** The reply to {@code getLog}. */
    synchronized Document getLog(Object argument) {
        if (!(argument instanceof String name)) {
            throw ServerErrors.typeMismatch("Argument to getLog must be of type String; found "
                    + BsonText.toText(argument) + " of type " + BsonText.typeName(argument));
        }
        switch (name) {
            case "*":
                return new Document("names", List.of("global", "startupWarnings")).append("ok", 1.0);
            case "global":
                return new Document("totalLinesWritten", totalLinesWritten).append("log", new ArrayList<>(global))
                        .append("ok", 1.0);
            case "startupWarnings":
                return new Document("totalLinesWritten", 0L).append("log", List.of()).append("ok", 1.0);
            default:
                return new Document("ok", 0.0).append("errmsg", "no RamLog named: " + name);
        }
    }

    private synchronized void write(int id, String component, String context, String message, Map<String, Object> attr) {
        StringWriter line = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject();
            json.writeObjectFieldStart("t");
            json.writeStringField("$date", TIME.format(Instant.now()));
            json.writeEndObject();
            json.writeStringField("s", "I");
            json.writeStringField("c", component);
            json.writeNumberField("id", id);
            json.writeStringField("ctx", context);
            json.writeStringField("msg", message);
            json.writeFieldName("attr");
            writeValue(json, attr);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (global.size() == MAX_LINES) {
            global.removeFirst();
        }
        global.addLast(line.toString());
        totalLinesWritten++;
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(String.valueOf(entry.getKey()));
                writeValue(json, entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Integer i) {
            json.writeNumber(i);
        } else {
            json.writeString(String.valueOf(value));
        }
    }
}
