package dev.autouser.core.provisioning;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One listing of auto-users, sorted by MongoDB name.
 *
 * @param roundTrips     commands sent to build it (usersInfo pages, lock-state batches, $currentOp)
 * @param modelBuildTime client-side CPU time to join the replies into the model
 */
public record AutoUserListing(List<AutoUser> users, Instant takenAt, int roundTrips, Duration modelBuildTime) {
    public AutoUserListing {
        users = List.copyOf(users);
    }

    public Optional<AutoUser> find(String mongoName) {
        return users.stream().filter(u -> u.mongoName().equals(mongoName)).findFirst();
    }

    public List<AutoUser> inState(UserState state) {
        return users.stream().filter(u -> u.state() == state).toList();
    }
}
