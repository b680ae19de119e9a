package dev.autouser.core.provisioning;

/**
 * An auto-user's state. ACTIVE (has a live connection) wins over LOCKED: a lock only takes effect at
 * the next authentication, so a locked user can still be connected, and must not be touched.
 */
public enum UserState {
    ACTIVE, IDLE, LOCKED
}
