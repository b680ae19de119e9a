package dev.autouser.core.audit;

import com.fasterxml.jackson.databind.JsonNode;

/** The fields that chain one record to the one before it, and how a line shows them. */
final class ChainFields {
    /** Position in the chain, 1 for the first genesis record, continuing across rotated files. */
    static final String SEQ = "seq";
    /** SHA-256 of the previous record's canonical JSON (64 zeros for the very first). */
    static final String PREV = "prev";
    /** SHA-256 of this record's canonical JSON (without this field). */
    static final String HASH = "hash";
    /** "genesis" for the first record of each file; absent for changes. */
    static final String TYPE = "type";
    static final String GENESIS = "genesis";
    /** Genesis only: the file this one continues, and an older unchained log it sealed. */
    static final String PREVIOUS_FILE = "previousFile";
    static final String SEALED_FILE = "sealedFile";
    static final String SEALED_SHA256 = "sealedSha256";

    private ChainFields() {
    }

    static boolean isChained(JsonNode line) {
        return line.path(SEQ).canConvertToLong() && line.path(SEQ).isIntegralNumber()
                && line.path(PREV).isTextual() && line.path(HASH).isTextual();
    }

    static boolean isGenesis(JsonNode line) {
        return GENESIS.equals(line.path(TYPE).asText());
    }
}
