package dev.autouser.ui.support;

import java.util.Optional;

/**
 * What to do with users who own objects when they are dropped (PostgreSQL refuses to drop a role that
 * owns objects): keep them locked, as Teleport does (TP004), or hand the objects to a role first.
 *
 * @param reassignTo the role that takes the objects; empty keeps the owners locked
 */
public record OwnedObjectsChoice(Optional<String> reassignTo) {
    public static OwnedObjectsChoice keepLocked() {
        return new OwnedObjectsChoice(Optional.empty());
    }

    public static OwnedObjectsChoice reassignTo(String role) {
        return new OwnedObjectsChoice(Optional.of(role));
    }
}
