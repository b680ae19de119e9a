package dev.autouser.core.policy;

import java.time.Instant;
import java.util.Optional;

/**
 * The evidence of one user's age that a policy judges by, each part empty when no source knows it.
 *
 * @param lastActive         the latest time any source saw the user in use
 * @param lastActiveSource   which source: "observed" (a listing saw a session), "Teleport audit", "server log"
 * @param lockedSince        since when the user has been locked (observed, or Teleport's deactivation)
 * @param notCleanedUpSince  since when the user has been unlocked without a session (at least: the first
 *                           listing that saw it so)
 * @param firstSeen          when the console first saw the user at all
 */
public record UserAge(Optional<Instant> lastActive, String lastActiveSource, Optional<Instant> lockedSince,
                      Optional<Instant> notCleanedUpSince, Optional<Instant> firstSeen) {
    public UserAge {
        lastActiveSource = lastActive.isPresent() ? lastActiveSource : "";
    }

    public static UserAge unknown() {
        return new UserAge(Optional.empty(), "", Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** This age with a later last-active time from another source, when it is later. */
    public UserAge withActivity(Instant when, String source) {
        if (lastActive.isPresent() && !when.isAfter(lastActive.get())) {
            return this;
        }
        return new UserAge(Optional.of(when), source, lockedSince, notCleanedUpSince, firstSeen);
    }
}
