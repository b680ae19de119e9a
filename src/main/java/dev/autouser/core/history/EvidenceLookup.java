package dev.autouser.core.history;

import java.util.Map;

/**
 * Reads the evidence of use. One call per server and engine returns every user the store knows
 * there (one query, never one per user), keyed by the database user name.
 */
public interface EvidenceLookup {
    /** Users with no evidence are absent from the map: use {@link #of(Map, UserKey)}. */
    Map<String, UserEvidence> evidence(String server, String engine);

    /** A lookup that knows nothing: what the console uses when the history cannot be opened. */
    EvidenceLookup NONE = (server, engine) -> Map.of();

    static UserEvidence of(Map<String, UserEvidence> evidence, UserKey key) {
        UserEvidence known = evidence.get(key.user());
        return known != null ? known : UserEvidence.unknown(key);
    }
}
