package dev.autouser.cli;

import picocli.CommandLine.Command;

/** {@code autouser evidence ...}: feed the usage history from other sources; never connects to a server. */
@Command(name = "evidence", mixinStandardHelpOptions = true,
        description = "Add evidence of use to the history from other sources (see README \"Evidence of use\").",
        subcommands = {ImportTeleportCommand.class})
final class EvidenceCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Choose a command: evidence import-teleport.");
    }
}
