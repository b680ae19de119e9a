package dev.autouser.core.history;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Every tagged user one listing showed on one server, at one moment: what the history records.
 * A user the server had before and this listing lacks is recorded as dropped, so a listing must
 * hold every user (not a filtered view).
 */
public record ObservedListing(String server, String engine, Instant at, List<ObservedUser> users) {
    public ObservedListing {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(at, "at");
        users = List.copyOf(users);
    }
}
