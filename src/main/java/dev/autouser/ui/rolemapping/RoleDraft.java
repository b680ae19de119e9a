package dev.autouser.ui.rolemapping;

import dev.autouser.core.teleport.TeleportRole;

import java.util.Objects;

/** The role being edited and the sample traits, as they were when the connection closed. */
public record RoleDraft(TeleportRole role, String sampleTraits) {
    public RoleDraft {
        Objects.requireNonNull(role, "role");
        sampleTraits = sampleTraits == null ? "" : sampleTraits;
    }
}
