package dev.autouser.core.history;

import java.util.Collection;

/**
 * Takes evidence of use from outside the console's own listings (imported Teleport audit events,
 * the server's log). Recording the same activity twice changes nothing; an older activity than the
 * one known for that source changes nothing either.
 */
public interface ActivitySink {
    void recordActivity(Collection<Sighting> sightings);

    /** Keeps each user's latest Teleport lock or drop (an older one than the one kept changes nothing). */
    void recordTeleportDeactivations(Collection<Deactivated> deactivations);

    /** Keeps who used each user as Teleport's latest audit event told it (an older identity changes nothing). */
    void recordTeleportIdentities(Collection<Identified> identities);

    /** One user seen in use. */
    record Sighting(UserKey key, Activity activity) {
    }

    /** Teleport's session-end step for one user, as its audit log told it. */
    record Deactivated(UserKey key, TeleportDeactivation deactivation) {
    }

    /** The Teleport user (and roles) behind one database user, as its audit log told it. */
    record Identified(UserKey key, TeleportIdentity identity) {
    }
}
