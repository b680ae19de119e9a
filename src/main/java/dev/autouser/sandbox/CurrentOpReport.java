package dev.autouser.sandbox;

import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import dev.autouser.sandbox.security.UserId;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The documents {@code currentOp} and {@code $currentOp} report: one per client connection, with
 * MongoDB's field names, plus the server's own background threads (idle, without a client) as a
 * real mongod lists them when idle operations are requested.
 */
final class CurrentOpReport {
    private static final List<String> BACKGROUND_THREADS = List.of("JournalFlusher", "TTLMonitor",
            "ClientCursorMonitor");
    private static final DateTimeFormatter OP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");

    private final ConnectionRegistry connections;
    private final String host;

    CurrentOpReport(ConnectionRegistry connections, int port) {
        this.connections = connections;
        this.host = Utils.getHostName() + ":" + port;
    }

    /** Which operations to list: {@code ownOnly} keeps the caller's users' operations only. */
    record Scope(boolean includeIdle, boolean ownOnly, List<UserId> caller) {
    }

    List<Document> operations(Scope scope) {
        List<Document> result = new ArrayList<>();
        String now = OffsetDateTime.now(ZoneOffset.UTC).format(OP_TIME);
        for (ClientConnection connection : connections.all()) {
            boolean active = connection.running().isPresent();
            if ((active || scope.includeIdle()) && visible(connection, scope)) {
                result.add(describe(connection, now));
            }
        }
        if (scope.includeIdle() && !scope.ownOnly()) {
            for (String thread : BACKGROUND_THREADS) {
                result.add(new Document("type", "op").append("host", host).append("desc", thread)
                        .append("active", false).append("currentOpTime", now));
            }
        }
        return result;
    }

    /** An operation is "own" when it runs as one of the caller's authenticated users. */
    private static boolean visible(ClientConnection connection, Scope scope) {
        return !scope.ownOnly() || connection.users().stream().anyMatch(scope.caller()::contains);
    }

    private Document describe(ClientConnection connection, String now) {
        Document op = new Document("type", "op");
        op.put("host", host);
        op.put("desc", "conn" + connection.id());
        op.put("connectionId", connection.id());
        op.put("client", connection.clientText());
        connection.appName().ifPresent(name -> op.put("appName", name));
        connection.clientMetadata().ifPresent(metadata -> op.put("clientMetadata", metadata.cloneDeeply()));
        op.put("active", connection.running().isPresent());
        op.put("currentOpTime", now);
        if (connection.isAuthenticated()) {
            List<Document> users = new ArrayList<>();
            for (UserId user : connection.users()) {
                users.add(new Document("user", user.user()).append("db", user.db()));
            }
            op.put("effectiveUsers", users);
        }
        op.put("threaded", true);
        connection.running().ifPresent(running -> describeRunning(op, running));
        return op;
    }

    private static void describeRunning(Document op, RunningCommand running) {
        long micros = running.microsRunning();
        op.put("opid", (int) running.opid());
        if (running.command().get("lsid") instanceof Document lsid) {
            op.put("lsid", lsid.cloneDeeply());
        }
        op.put("secs_running", micros / 1_000_000);
        op.put("microsecs_running", micros);
        op.put("op", "command");
        op.put("ns", running.namespace());
        op.put("command", redacted(running));
        op.put("numYields", 0);
        op.put("locks", new Document());
        op.put("waitingForLock", false);
        op.put("lockStats", new Document());
        op.put("waitingForFlowControl", false);
        op.put("flowControlStats", new Document());
    }

    /** The snapshot taken when the command started, copied again because replies may be changed by stages. */
    private static Document redacted(RunningCommand running) {
        return running.command().cloneDeeply();
    }
}
