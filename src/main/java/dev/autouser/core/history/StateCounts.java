package dev.autouser.core.history;

import java.time.Instant;

/** How many users were in each state at one moment (one point of the Users page's chart). */
public record StateCounts(Instant at, int active, int notCleanedUp, int locked) {
}
