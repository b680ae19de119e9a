package dev.autouser.core.history;

import java.util.Collection;

/**
 * Takes evidence of use from outside the console's own listings (imported Teleport audit events,
 * the server's log). Recording the same activity twice changes nothing; an older activity than the
 * one known for that source changes nothing either.
 */
public interface ActivitySink {
    void recordActivity(Collection<Sighting> sightings);

    /** One user seen in use. */
    record Sighting(UserKey key, Activity activity) {
    }
}
