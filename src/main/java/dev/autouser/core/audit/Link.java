package dev.autouser.core.audit;

/** Where a chain ends: the last record's number and hash; the next record continues from here. */
public record Link(long seq, String hash) {
    static final Link START = new Link(0, CanonicalJson.ZERO_HASH);
}
