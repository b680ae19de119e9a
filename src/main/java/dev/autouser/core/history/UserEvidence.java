package dev.autouser.core.history;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What is known about one user's use, from every source. Empty means "not known" (never "never"):
 * the console only knows what it was there to see.
 *
 * @param firstSeen     the first listing (or imported event) that showed the user
 * @param lastActive    per source, the latest moment the user was seen in use
 * @param lockedSince   when the user was first seen locked in its current lock; empty when not locked
 *                      (as far as the history knows)
 * @param unlockedSince when the user was first seen unlocked after having been seen locked; empty when
 *                      it was never seen locked, or is locked now
 * @param notCleanedUpSince when the user's current spell of "unlocked, no session" began (the first listing
 *                      of that spell); empty when the last listing showed it active or locked
 * @param droppedAt     when a listing first no longer showed a user it had shown before; empty while it exists
 * @param teleportDeactivation Teleport's latest lock or drop of the user, from an imported audit log; empty when
 *                      no import told it
 * @param teleportIdentity who used it (Teleport user and roles) as the latest imported audit event told it; empty when
 *                      no import told it
 */
public record UserEvidence(UserKey key, Optional<Instant> firstSeen, Map<EvidenceSource, Activity> lastActive,
                           Optional<Instant> lockedSince, Optional<Instant> unlockedSince,
                           Optional<Instant> notCleanedUpSince, Optional<Instant> droppedAt,
                           Optional<TeleportDeactivation> teleportDeactivation,
                           Optional<TeleportIdentity> teleportIdentity) {
    public UserEvidence {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(firstSeen, "firstSeen");
        lastActive = lastActive.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(lastActive));
        Objects.requireNonNull(lockedSince, "lockedSince");
        Objects.requireNonNull(unlockedSince, "unlockedSince");
        Objects.requireNonNull(notCleanedUpSince, "notCleanedUpSince");
        Objects.requireNonNull(droppedAt, "droppedAt");
        Objects.requireNonNull(teleportDeactivation, "teleportDeactivation");
        Objects.requireNonNull(teleportIdentity, "teleportIdentity");
    }

    /** Evidence without a Teleport audit fact (the console's own listings and sightings). */
    public UserEvidence(UserKey key, Optional<Instant> firstSeen, Map<EvidenceSource, Activity> lastActive,
                        Optional<Instant> lockedSince, Optional<Instant> unlockedSince,
                        Optional<Instant> notCleanedUpSince, Optional<Instant> droppedAt) {
        this(key, firstSeen, lastActive, lockedSince, unlockedSince, notCleanedUpSince, droppedAt, Optional.empty(),
                Optional.empty());
    }

    /** Teleport's last attempt to lock or drop the user failed (and no later one is known to have succeeded). */
    public Optional<TeleportDeactivation> teleportFailure() {
        return teleportDeactivation.filter(TeleportDeactivation::failed);
    }

    /** Nothing known about the user. */
    public static UserEvidence unknown(UserKey key) {
        return new UserEvidence(key, Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** The latest activity from any source (a tie goes to the first source in enum order). */
    public Optional<Activity> latestActivity() {
        return lastActive.values().stream()
                .max(Comparator.comparing(Activity::at).thenComparing(a -> -a.source().ordinal()));
    }

    /** True when no source has ever seen the user in use. */
    public boolean neverSeenActive() {
        return lastActive.isEmpty();
    }
}
