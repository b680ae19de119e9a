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
 * <p>What is logged at the default verbosity (mongodb/mongo, read with the search tool). The stored source holds
 * four shapes of {@code AuthenticationSession::markSuccessful}/{@code markFailed} in
 * src/mongo/db/auth/authentication_session.cpp:
 * <ol>
 * <li>{@code LOGV2_DEBUG(5286306, kDiagnosticLogLevel = 0, ...)} with isSpeculative and isClusterMember only;</li>
 * <li>{@code LOGV2_DEBUG} at level 3 with client, mechanism, user and db: not at the default verbosity;</li>
 * <li>{@code LOGV2(5286306 / 5286307, ...)} with client, isSpeculative, isClusterMember, mechanism, user, db,
 *     (error,) result and the authentication metrics ({@code conversation_duration}): at the default level;</li>
 * <li>the same behind {@code enableDetailedConnectionHealthMetricLogLines} (default true) with doc and extraInfo.</li>
 * </ol>
 * While 5286306 was a debug line (shapes 1 and 2), the default-level lines were the commands' own, each followed by
 * {@code session->markSuccessful()}: MONGODB-X509 in src/mongo/db/commands/authentication_commands.cpp as
 * {@code LOGV2(20429, "Successfully authenticated", client, mechanism, user, db)} (failure 20428, "Failed to
 * authenticate"), SCRAM in src/mongo/db/auth/sasl_commands.cpp as {@code LOGV2(20250, "Authentication succeeded",
 * mechanism, speculative, principalName, authenticationDatabase, remote, extraInfo)} (failure 20249, "Authentication
 * failed"), both unless {@code --quiet}. MongoDB's x509 jstest checked 20429 in the older code and 5286306 in the
 * newer. The stored source carries no release tags, so the release that moved from 20429/20250 to 5286306 is not
 * pinned here: 7.0 is this sandbox's assumption (real 7.0/8.0 logs show 5286306 at "s":"I" with the user). A server
 * reporting 4.4 up to 7.0 logs 20429/20428 and 20250/20249, one reporting 7.0 or later 5286306/5286307.
 */
final class ServerLog {
    static final int MAX_LINES = 1024;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx")
            .withZone(ZoneOffset.UTC);
    private static final JsonFactory JSON = new JsonFactory();

    private final boolean sessionLines;
    private final Deque<String> global = new ArrayDeque<>();
    private long totalLinesWritten;

    ServerLog(ReportedVersion version) {
        this.sessionLines = version.atLeast(7, 0);
    }

    void authenticated(ClientConnection connection, String mechanism, boolean speculative, String user, String db) {
        String context = "conn" + connection.id();
        if (sessionLines) {
            write(5286306, "ACCESS", context, "Successfully authenticated",
                    authAttributes(connection, mechanism, speculative, user, db, null));
        } else if (Authentication.X509.equals(mechanism)) {
            write(20429, "ACCESS", context, "Successfully authenticated", x509Attributes(connection, user, db, null));
        } else {
            write(20250, "ACCESS", context, "Authentication succeeded",
                    saslAttributes(connection, mechanism, speculative, user, db, null));
        }
    }

    void authenticationFailed(ClientConnection connection, String mechanism, boolean speculative, String user,
                              String db, String error) {
        String context = "conn" + connection.id();
        if (sessionLines) {
            write(5286307, "ACCESS", context, "Failed to authenticate",
                    authAttributes(connection, mechanism, speculative, user, db, error));
        } else if (Authentication.X509.equals(mechanism)) {
            write(20428, "ACCESS", context, "Failed to authenticate", x509Attributes(connection, user, db, error));
        } else {
            write(20249, "ACCESS", context, "Authentication failed",
                    saslAttributes(connection, mechanism, speculative, user, db, error));
        }
    }

    /** authentication_commands.cpp's 20429/20428 (MONGODB-X509, before the session's own line). */
    private static Map<String, Object> x509Attributes(ClientConnection connection, String user, String db, String error) {
        Map<String, Object> attr = new java.util.LinkedHashMap<>();
        attr.put("client", connection.clientText());
        attr.put("mechanism", Authentication.X509);
        attr.put("user", user);
        attr.put("db", db);
        if (error != null) {
            attr.put("error", error);
        }
        return attr;
    }

    /** sasl_commands.cpp's 20250/20249 (SCRAM, before the session's own line). */
    private static Map<String, Object> saslAttributes(ClientConnection connection, String mechanism, boolean speculative,
                                                      String user, String db, String error) {
        Map<String, Object> attr = new java.util.LinkedHashMap<>();
        attr.put("mechanism", mechanism);
        attr.put("speculative", speculative);
        attr.put("principalName", user);
        attr.put("authenticationDatabase", db);
        attr.put("remote", connection.clientText());
        attr.put("extraInfo", Map.of());
        if (error != null) {
            attr.put("error", error);
        }
        return attr;
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
