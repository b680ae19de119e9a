package dev.autouser.core.provisioning;

import java.time.Duration;
import java.time.Instant;
import dev.autouser.core.history.UserEvidence;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One listing of auto-users, sorted by MongoDB name.
 *
 * @param roundTrips     commands sent to build it (usersInfo pages, lock-state batches, $currentOp)
 * @param modelBuildTime client-side CPU time to join the replies into the model
 * @param nodes          each member or router asked for sessions, and whether it answered (a user
 *                       shown as not cleaned up may be connected to one that did not)
 * @param evidence       what the usage history knows of each user, by database user name (empty
 *                       when the listing was not recorded or the history is unavailable)
 * @param unlistedWarning why hidden replica-set members could not be asked (a person connected only to
 *                        one would look idle); empty when they were, or there are none to look for
 */
public record AutoUserListing(List<AutoUser> users, Instant takenAt, int roundTrips, Duration modelBuildTime,
                              List<SessionCensus.NodeAnswer> nodes, Map<String, UserEvidence> evidence,
                              Optional<String> unlistedWarning) {
    public AutoUserListing {
        users = List.copyOf(users);
        nodes = List.copyOf(nodes);
        evidence = Map.copyOf(evidence);
    }

    public AutoUserListing(List<AutoUser> users, Instant takenAt, int roundTrips, Duration modelBuildTime,
                           List<SessionCensus.NodeAnswer> nodes, Map<String, UserEvidence> evidence) {
        this(users, takenAt, roundTrips, modelBuildTime, nodes, evidence, Optional.empty());
    }

    public AutoUserListing(List<AutoUser> users, Instant takenAt, int roundTrips, Duration modelBuildTime,
                           List<SessionCensus.NodeAnswer> nodes) {
        this(users, takenAt, roundTrips, modelBuildTime, nodes, Map.of());
    }

    /** A listing of a standalone server (one node, which answered). */
    public AutoUserListing(List<AutoUser> users, Instant takenAt, int roundTrips, Duration modelBuildTime) {
        this(users, takenAt, roundTrips, modelBuildTime, List.of());
    }

    /** The same listing with the history's evidence attached. */
    public AutoUserListing withEvidence(Map<String, UserEvidence> known) {
        return new AutoUserListing(users, takenAt, roundTrips, modelBuildTime, nodes, known, unlistedWarning);
    }

    /** What the history knows of this user; empty when nothing. */
    public Optional<UserEvidence> evidenceOf(AutoUser user) {
        return Optional.ofNullable(evidence.get(user.mongoName()));
    }

    /** Nodes that could not be asked: sessions there are unknown. */
    public List<SessionCensus.NodeAnswer> silentNodes() {
        return nodes.stream().filter(n -> !n.answered()).toList();
    }

    public Optional<AutoUser> find(String mongoName) {
        return users.stream().filter(u -> u.mongoName().equals(mongoName)).findFirst();
    }

    public List<AutoUser> inState(UserState state) {
        return users.stream().filter(u -> u.state() == state).toList();
    }
}
