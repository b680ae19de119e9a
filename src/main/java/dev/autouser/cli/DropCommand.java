package dev.autouser.cli;

import dev.autouser.core.provisioning.CleanupAction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "drop", mixinStandardHelpOptions = true,
        description = {"Drop auto-users safely: lock, verify no live connection, then drop.",
                "Users with a live connection, and users Teleport does not manage, are refused.",
                "Prints the plan first. Without --yes it asks at the terminal, and refuses when there is none."})
final class DropCommand extends UserActionCommand {
    @Option(names = "--yes", description = "Act without asking (for scripts).")
    boolean yes;

    @Option(names = "--reassign-owned-to", paramLabel = "ROLE", description = {"PostgreSQL: before dropping, hand every"
            + " object the user owns in this database to ROLE (REASSIGN OWNED, DROP OWNED, DROP ROLE in one transaction).",
            "Without it a user who owns objects is refused by PostgreSQL (2BP01) and stays locked, as Teleport does."})
    String reassignOwnedTo;

    @Override
    String reassignTo() {
        return reassignOwnedTo;
    }

    @Override
    boolean mustConfirm() {
        return !yes;
    }

    @Override
    CleanupAction action() {
        return CleanupAction.DROP;
    }
}
