package dev.autouser.ui.users;

import dev.autouser.core.history.Age;
import dev.autouser.core.history.UserEvidence;

import java.time.Instant;

/**
 * One user's evidence with its column texts, computed on the background thread with the listing
 * (the FX thread only sets what changed).
 */
record RowEvidence(UserEvidence evidence, Instant listedAt, AgeCell lastActive, AgeCell lockedSince, AgeCell firstSeen) {
    static final RowEvidence NONE = new RowEvidence(null, null, AgeCell.UNKNOWN, AgeCell.UNKNOWN, AgeCell.UNKNOWN);

    static RowEvidence of(UserEvidence evidence, Instant now) {
        if (evidence == null) {
            return NONE;
        }
        AgeCell lastActive = evidence.latestActivity()
                .map(a -> new AgeCell(a.at(), Age.ago(a.at(), now) + " · " + a.source().label()))
                .orElse(new AgeCell(null, "not seen"));
        return new RowEvidence(evidence, now, lastActive, age(evidence.lockedSince(), now), age(evidence.firstSeen(), now));
    }

    private static AgeCell age(java.util.Optional<Instant> at, Instant now) {
        return at.map(instant -> new AgeCell(instant, Age.ago(instant, now))).orElse(AgeCell.UNKNOWN);
    }

    /** Equal texts and evidence: nothing for the row to change (the listing time alone does not count). */
    boolean sameAs(RowEvidence other) {
        return other != null && java.util.Objects.equals(evidence, other.evidence) && lastActive.equals(other.lastActive)
                && lockedSince.equals(other.lockedSince) && firstSeen.equals(other.firstSeen);
    }
}
