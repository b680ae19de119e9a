package dev.autouser.core.teleport.adminsetup;

import java.util.List;

/** The commands that bring a server to what Teleport needs; empty when nothing needs to change. */
public record SetupPlan(AdminRoleSpec spec, List<PlannedStep> steps) {
    public SetupPlan {
        steps = List.copyOf(steps);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }
}
