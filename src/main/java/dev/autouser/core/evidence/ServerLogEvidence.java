package dev.autouser.core.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autouser.core.ConsoleException;
import dev.autouser.core.mongo.MongoGateway;
import org.bson.Document;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * MongoDB's own log as a source of use: {@code getLog: "global"} returns the server's recent log
 * lines (the last 1,024). A successful authentication is logged at the default verbosity as id 5286306
 * ("Successfully authenticated", the authentication session's line, with {@code user}, {@code db} and
 * {@code client}) by newer servers, and an X.509 one as id 20429 ("Successfully authenticated", the
 * {@code authenticate} command's line, with {@code user}, {@code db} and {@code client}, or {@code remote} in its
 * oldest form) by older ones (mongodb/mongo src/mongo/db/commands/authentication_commands.cpp, while 5286306 was a
 * debug line); Teleport's auto-users log in with X.509. When the server refuses getLog or its recent log holds no
 * such line, this source is unavailable, and says so: nothing is guessed.
 *
 * @param lastAuthentication per {@code $external} user ({@code CN=alice}), its latest authentication in the log
 * @param unavailable        why the source could not be used, when it could not
 */
public record ServerLogEvidence(Map<String, Authentication> lastAuthentication, Optional<String> unavailable) {
    static final int SUCCESSFULLY_AUTHENTICATED = 5286306;
    /** The older X.509 line: authentication_commands.cpp's, at the default level while 5286306 was not. */
    static final int X509_AUTHENTICATED = 20429;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One logged authentication: when, and from which client address. */
    public record Authentication(Instant at, String client) {
    }

    public ServerLogEvidence {
        lastAuthentication = Collections.unmodifiableMap(new TreeMap<>(lastAuthentication));
    }

    /** Asks the server (one command) and reads the authentications of {@code $external} users. */
    public static ServerLogEvidence read(MongoGateway gateway) {
        Document reply;
        try {
            reply = gateway.run("admin", new Document("getLog", "global"), "read the server's log");
        } catch (ConsoleException e) {
            return unavailable("the server did not give its log (" + e.getMessage() + ")");
        }
        return fromLines(reply.getList("log", String.class, List.of()));
    }

    static ServerLogEvidence fromLines(List<String> lines) {
        Map<String, Authentication> latest = new TreeMap<>();
        for (String line : lines) {
            authentication(line).ifPresent(found -> latest.merge(found.getKey(), found.getValue(),
                    (a, b) -> a.at().isAfter(b.at()) ? a : b));
        }
        if (latest.isEmpty()) {
            return unavailable("the server's recent log holds no successful authentication of an $external user"
                    + " (log id " + SUCCESSFULLY_AUTHENTICATED + " or " + X509_AUTHENTICATED + ")");
        }
        return new ServerLogEvidence(latest, Optional.empty());
    }

    private static Optional<Map.Entry<String, Authentication>> authentication(String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        JsonNode attr = node.path("attr");
        int id = node.path("id").asInt();
        if (id != SUCCESSFULLY_AUTHENTICATED && id != X509_AUTHENTICATED || !"$external".equals(attr.path("db").asText())
                || attr.path("user").asText().isEmpty()) {
            return Optional.empty();
        }
        String client = attr.hasNonNull("client") ? attr.path("client").asText() : attr.path("remote").asText();
        try {
            Instant at = OffsetDateTime.parse(node.path("t").path("$date").asText()).toInstant();
            return Optional.of(Map.entry(attr.path("user").asText(), new Authentication(at, client)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The history's sightings: each user's last logged authentication, as SERVER_LOG activity. */
    public java.util.List<dev.autouser.core.history.ActivitySink.Sighting> sightings(String server) {
        return lastAuthentication.entrySet().stream().map(e -> new dev.autouser.core.history.ActivitySink.Sighting(
                new dev.autouser.core.history.UserKey(server, dev.autouser.core.history.UserKey.MONGODB, e.getKey()),
                new dev.autouser.core.history.Activity(e.getValue().at(), dev.autouser.core.history.EvidenceSource.SERVER_LOG,
                        "", e.getValue().client()))).toList();
    }

    private static ServerLogEvidence unavailable(String why) {
        return new ServerLogEvidence(Map.of(), Optional.of("Server log unavailable: " + why + "."));
    }
}
