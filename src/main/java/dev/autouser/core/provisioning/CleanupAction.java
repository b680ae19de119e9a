package dev.autouser.core.provisioning;

/** What the DBA asks for: lock (Teleport's deactivate) or drop (lock, verify no session, drop). */
public enum CleanupAction {
    LOCK, DROP;

    public String verb() {
        return this == LOCK ? "lock" : "drop";
    }
}
