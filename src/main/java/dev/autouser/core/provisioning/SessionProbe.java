package dev.autouser.core.provisioning;

import dev.autouser.core.ConsoleException;
import dev.autouser.core.mongo.Deployment;
import dev.autouser.core.mongo.MongoGateway;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Finds every live connection authenticated in {@code $external}: ONE server call per node (the
 * {@code $currentOp} stage from 6.2, the {@code currentOp} command before), never one per user.
 * {@code $currentOp} only sees the node it runs on, so on a replica set every data-bearing member
 * and on a sharded cluster every listed mongos ({@code localOps: true}) is asked, in parallel, over
 * direct connections; their answers are joined and each session says where it is.
 */
public final class SessionProbe {
    /** Asks for the whole result in the first batch, so no getMore is needed below 16 MB. */
    private static final int BATCH_SIZE = 1_000_000;
    private static final String ATTEMPTED = "check which auto-users are connected";

    private SessionProbe() {
    }

    /**
     * Live sessions per MongoDB user name ({@code CN=alice}), for acting on users: refused (a
     * {@link ConsoleException} naming the node) when a node could not be asked and the person did not
     * accept it with {@link MongoGateway#allowUnverified}.
     */
    public static Map<String, List<LiveSession>> sessionsByUser(MongoGateway gateway) {
        return census(gateway).requireComplete(gateway.unverifiedAllowed());
    }

    /** Every node's answer, including the ones that failed (for showing, not for acting). */
    public static SessionCensus census(MongoGateway gateway) {
        Deployment deployment = gateway.deployment();
        if (!deployment.hasSeveralNodes()) {
            Deployment.Node node = deployment.nodes().isEmpty()
                    ? new Deployment.Node(gateway.server(), Deployment.NodeRole.STANDALONE) : deployment.nodes().get(0);
            Map<String, List<LiveSession>> sessions = group(throughGateway(gateway), "");
            return new SessionCensus(sessions, List.of(new SessionCensus.NodeAnswer(node, Optional.empty(),
                    count(sessions))), 1);
        }
        SessionCensus census = askEveryNode(gateway, deployment.sessionNodes());
        return new SessionCensus(census.sessionsByUser(), census.answers(), census.roundTrips(),
                deployment.unlistedWarning());
    }

    private static List<Document> throughGateway(MongoGateway gateway) {
        if (gateway.version().prefersCurrentOpStage()) {
            return gateway.aggregate(UserCommands.ADMIN, UserCommands.currentOpPipeline(), BATCH_SIZE, ATTEMPTED);
        }
        return gateway.run(UserCommands.ADMIN, UserCommands.currentOpCommand(), ATTEMPTED)
                .getList("inprog", Document.class, List.of());
    }

    private static SessionCensus askEveryNode(MongoGateway gateway, List<Deployment.Node> nodes) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, nodes.size()), runnable -> {
            Thread thread = new Thread(runnable, "session-census");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<List<Document>>> asked = nodes.stream()
                    .map(node -> CompletableFuture.supplyAsync(() -> ask(gateway, node), pool)).toList();
            Map<String, List<LiveSession>> joined = new HashMap<>();
            List<SessionCensus.NodeAnswer> answers = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                Deployment.Node node = nodes.get(i);
                try {
                    Map<String, List<LiveSession>> sessions = group(asked.get(i).get(), node.describe());
                    sessions.forEach((user, list) -> joined.computeIfAbsent(user, u -> new ArrayList<>()).addAll(list));
                    answers.add(new SessionCensus.NodeAnswer(node, Optional.empty(), count(sessions)));
                } catch (java.util.concurrent.ExecutionException e) {
                    answers.add(new SessionCensus.NodeAnswer(node, Optional.of(e.getCause().getMessage()), 0));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    answers.add(new SessionCensus.NodeAnswer(node, Optional.of("interrupted"), 0));
                }
            }
            return new SessionCensus(joined, answers, nodes.size());
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One node: the stage (with localOps on a router) or, before 6.2, the command. */
    private static List<Document> ask(MongoGateway gateway, Deployment.Node node) {
        if (node.role() == Deployment.NodeRole.ROUTER) {
            return gateway.aggregateOn(node, UserCommands.routerCurrentOpPipeline(), BATCH_SIZE, ATTEMPTED);
        }
        if (gateway.version().prefersCurrentOpStage()) {
            return gateway.aggregateOn(node, UserCommands.currentOpPipeline(), BATCH_SIZE, ATTEMPTED);
        }
        return gateway.runOn(node, UserCommands.ADMIN, UserCommands.currentOpCommand(), ATTEMPTED)
                .getList("inprog", Document.class, List.of());
    }

    private static int count(Map<String, List<LiveSession>> sessions) {
        return sessions.values().stream().mapToInt(List::size).sum();
    }

    /** Groups one node's operations by effective user; one connection with several operations counts once. */
    static Map<String, List<LiveSession>> group(List<Document> operations, String node) {
        Map<String, List<LiveSession>> byUser = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Document operation : operations) {
            LiveSession session = new LiveSession(connectionId(operation),
                    operation.get("client") instanceof String client ? client : "",
                    operation.get("appName") instanceof String app ? app : "", node);
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

    /** {@link #group(List, String)} on a standalone. */
    static Map<String, List<LiveSession>> group(List<Document> operations) {
        return group(operations, "");
    }

    private static long connectionId(Document operation) {
        Object id = operation.get("connectionId");
        return id instanceof Number number ? number.longValue() : -1;
    }
}
