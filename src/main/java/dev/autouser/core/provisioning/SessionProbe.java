package dev.autouser.core.provisioning;

import dev.autouser.core.mongo.MongoGateway;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds every live connection authenticated in {@code $external} with ONE server call: the
 * {@code $currentOp} stage (6.2 and later) or the {@code currentOp} command (before), never one
 * call per user. Like MongoDB itself, it only sees the node it talks to.
 */
public final class SessionProbe {
    /** Asks for the whole result in the first batch, so no getMore is needed below 16 MB. */
    private static final int BATCH_SIZE = 1_000_000;

    private SessionProbe() {
    }

    /** Live sessions per MongoDB user name ({@code CN=alice}). */
    public static Map<String, List<LiveSession>> sessionsByUser(MongoGateway gateway) {
        List<Document> operations;
        if (gateway.facts().version().prefersCurrentOpStage()) {
            operations = gateway.aggregate(UserCommands.ADMIN, UserCommands.currentOpPipeline(), BATCH_SIZE,
                    "check which auto-users are connected");
        } else {
            operations = gateway.run(UserCommands.ADMIN, UserCommands.currentOpCommand(),
                    "check which auto-users are connected").getList("inprog", Document.class, List.of());
        }
        return group(operations);
    }

    /** Groups operations by effective user; one connection with several operations counts once. */
    static Map<String, List<LiveSession>> group(List<Document> operations) {
        Map<String, List<LiveSession>> byUser = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Document operation : operations) {
            LiveSession session = new LiveSession(connectionId(operation),
                    operation.get("client") instanceof String client ? client : "",
                    operation.get("appName") instanceof String app ? app : "");
            for (Document user : operation.getList("effectiveUsers", Document.class, List.of())) {
                if (!UserCommands.EXTERNAL.equals(user.getString("db"))) {
                    continue;
                }
                String name = user.getString("user");
                if (seen.add(name + "\u0000" + session.connectionId() + "\u0000" + session.clientAddress())) {
                    byUser.computeIfAbsent(name, n -> new ArrayList<>()).add(session);
                }
            }
        }
        return byUser;
    }

    private static long connectionId(Document operation) {
        Object id = operation.get("connectionId");
        return id instanceof Number number ? number.longValue() : -1;
    }
}
