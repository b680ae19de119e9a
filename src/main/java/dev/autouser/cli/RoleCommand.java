package dev.autouser.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "role", mixinStandardHelpOptions = true,
        description = "Check a Teleport role's database settings (as tctl get role writes it) against the server.",
        subcommands = {RoleValidateCommand.class, RolePreviewCommand.class, RoleSimulateCommand.class})
final class RoleCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
