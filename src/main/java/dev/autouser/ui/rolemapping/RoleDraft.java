package dev.autouser.ui.rolemapping;

import dev.autouser.core.engine.Engine;
import dev.autouser.core.teleport.TeleportRole;

import java.util.Objects;

/** The role being edited and the sample traits, as they were when the connection closed, and for which engine. */
public record RoleDraft(TeleportRole role, String sampleTraits, Engine engine) {
    public RoleDraft {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(engine, "engine");
        sampleTraits = sampleTraits == null ? "" : sampleTraits;
    }
}
