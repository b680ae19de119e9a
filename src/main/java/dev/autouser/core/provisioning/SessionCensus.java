package dev.autouser.core.provisioning;

import dev.autouser.core.ConsoleException;
import dev.autouser.core.mongo.Deployment;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live sessions of every node of the deployment, joined, and which nodes answered. A node that
 * did not answer may hold sessions nobody can see: {@link #requireComplete} refuses to let a lock or
 * drop rely on such a census unless the person explicitly accepted that node.
 *
 * @param roundTrips      one per node asked
 * @param unlistedWarning why hidden members could not be looked for (see
 *                        {@link Deployment#unlistedWarning()}); empty when they were, or on a standalone
 *                        or sharded cluster
 */
public record SessionCensus(Map<String, List<LiveSession>> sessionsByUser, List<NodeAnswer> answers, int roundTrips,
                            Optional<String> unlistedWarning) {
    public SessionCensus {
        sessionsByUser = Map.copyOf(sessionsByUser);
        answers = List.copyOf(answers);
    }

    public SessionCensus(Map<String, List<LiveSession>> sessionsByUser, List<NodeAnswer> answers, int roundTrips) {
        this(sessionsByUser, answers, roundTrips, Optional.empty());
    }

    /** One node's answer: how many auto-user sessions it reported, or why it could not be asked. */
    public record NodeAnswer(Deployment.Node node, Optional<String> failure, int sessions) {
        public boolean answered() {
            return failure.isEmpty();
        }

        /** "localhost:27018 (secondary): 3 sessions" or "localhost:27019 (secondary): not reachable - ...". */
        public String describe() {
            return node.describe() + ": " + failure.map(f -> "could not be asked (" + f + ")")
                    .orElse(sessions + (sessions == 1 ? " session" : " sessions"));
        }
    }

    /**
     * One line for a status bar: "3/3 members answered", "2/2 mongos answered", or which did
     * not; empty for a standalone server.
     */
    public static String summary(List<NodeAnswer> answers) {
        if (answers.size() <= 1 && answers.stream().allMatch(NodeAnswer::answered)) {
            return "";
        }
        boolean routers = answers.stream().allMatch(a -> a.node().role() == Deployment.NodeRole.ROUTER);
        long answered = answers.stream().filter(NodeAnswer::answered).count();
        List<String> silent = answers.stream().filter(a -> !a.answered()).map(a -> a.node().host()).toList();
        return answered + "/" + answers.size() + (routers ? " mongos" : " members") + " answered"
                + (silent.isEmpty() ? "" : "; no answer from " + String.join(", ", silent));
    }

    public List<NodeAnswer> unanswered() {
        return answers.stream().filter(a -> !a.answered()).toList();
    }

    /** Nodes that did not answer and that the person did not accept to leave unverified. */
    public List<NodeAnswer> blocking(Collection<String> allowedUnverified) {
        return unanswered().stream().filter(a -> !allowedUnverified.contains(a.node().host())).toList();
    }

    /**
     * The sessions, when every node answered or its silence was explicitly accepted; otherwise a
     * refusal naming each silent node, for every user (a session there would be invisible).
     */
    public Map<String, List<LiveSession>> requireComplete(Collection<String> allowedUnverified) {
        List<NodeAnswer> blocking = blocking(allowedUnverified);
        if (!blocking.isEmpty()) {
            throw new ConsoleException(refusal(blocking));
        }
        return sessionsByUser;
    }

    /** Why nothing may be locked or dropped: each silent node, and the explicit way round it. */
    public static String refusal(List<NodeAnswer> silent) {
        List<String> hosts = silent.stream().map(a -> a.node().host()).toList();
        return "the sessions on " + String.join("; ", silent.stream().map(NodeAnswer::describe).toList())
                + " could not be checked, so a user connected there would look not cleaned up; bring "
                + (hosts.size() == 1 ? "it" : "them") + " back, or accept explicitly with --allow-unverified "
                + String.join(" --allow-unverified ", hosts) + " (audited)";
    }

    /** The silent nodes the person accepted (audited with every change made under this census). */
    public List<NodeAnswer> acceptedSilent(Collection<String> allowedUnverified) {
        return unanswered().stream().filter(a -> allowedUnverified.contains(a.node().host())).toList();
    }
}
