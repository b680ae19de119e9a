package dev.autouser.core.provisioning;

import java.util.List;

/**
 * One user in a cleanup plan: what will happen, why, and the exact mongosh commands.
 *
 * @param before the user as the plan saw it
 */
public record PlannedAction(String mongoName, CleanupAction action, String reason, List<String> commands,
                            AutoUser before) {
    public PlannedAction {
        commands = List.copyOf(commands);
    }
}
