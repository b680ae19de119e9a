package dev.autouser.core.history;

/** Where a piece of evidence of use came from; the label is what columns and reports show. */
public enum EvidenceSource {
    /** The console saw a live session in a listing ({@code $currentOp} / {@code pg_stat_activity}). */
    OBSERVED("observed"),
    /** An imported Teleport audit event ({@code db.session.start} / {@code db.session.end}). */
    TELEPORT_AUDIT("Teleport audit"),
    /** The database server's own log (MongoDB {@code getLog}, id 5286306: successful authentication). */
    SERVER_LOG("server log");

    private final String label;

    EvidenceSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
