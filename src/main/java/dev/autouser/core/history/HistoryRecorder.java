package dev.autouser.core.history;

/** Records what a listing showed, as state transitions (not one row per listing). */
public interface HistoryRecorder {
    void record(ObservedListing listing);
}
