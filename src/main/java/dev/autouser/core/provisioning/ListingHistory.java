package dev.autouser.core.provisioning;

import dev.autouser.core.history.ObservedListing;
import dev.autouser.core.history.ObservedUser;
import dev.autouser.core.history.UsageHistory;

import java.util.List;
import java.util.Objects;

/**
 * Puts every listing of one server into the usage history and hands it back with each user's
 * evidence (first seen, last active, locked since). Whatever the history does, the listing is
 * returned: a history failure never blocks listing (see {@link UsageHistory}).
 *
 * @param server the server's history name ({@code ServerName.fromUri(uri)})
 * @param engine {@code mongodb} or {@code postgresql} ({@code UserKey.MONGODB}, {@code UserKey.POSTGRESQL})
 */
public record ListingHistory(UsageHistory history, String server, String engine) {
    public ListingHistory {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(engine, "engine");
    }

    /** Records {@code listing} and returns it with the evidence attached. */
    public AutoUserListing record(AutoUserListing listing) {
        return listing.withEvidence(history.recordAndRead(observed(listing)));
    }

    /** The engine-neutral view the history keeps: name, lock, and each session's app and client. */
    public ObservedListing observed(AutoUserListing listing) {
        List<ObservedUser> users = listing.users().stream()
                .map(u -> new ObservedUser(u.mongoName(), u.locked(), u.sessions().stream()
                        .map(s -> new ObservedUser.Session(s.appName(), s.clientAddress())).toList()))
                .toList();
        return new ObservedListing(server, engine, listing.takenAt(), users);
    }
}
