package dev.autouser.cli;

import dev.autouser.core.provisioning.CleanupAction;
import picocli.CommandLine.Command;

@Command(name = "lock", mixinStandardHelpOptions = true,
        description = {"Lock auto-users as Teleport's keep mode does: remove their roles and refuse new logins.",
                "Users with a live connection, and users Teleport does not manage, are refused."})
final class LockCommand extends UserActionCommand {
    @Override
    CleanupAction action() {
        return CleanupAction.LOCK;
    }
}
