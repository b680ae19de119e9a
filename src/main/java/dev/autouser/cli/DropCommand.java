package dev.autouser.cli;

import dev.autouser.core.provisioning.CleanupAction;
import picocli.CommandLine.Command;

@Command(name = "drop", mixinStandardHelpOptions = true,
        description = {"Drop auto-users safely: lock, verify no live connection, then drop.",
                "Users with a live connection, and users Teleport does not manage, are refused."})
final class DropCommand extends UserActionCommand {
    @Override
    CleanupAction action() {
        return CleanupAction.DROP;
    }
}
