package dev.autouser.cli;

import picocli.CommandLine.Command;

/** {@code autouser history ...}: the usage history in the data folder; never connects to a server. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "The usage history the console records (see README \"Usage history\").",
        subcommands = {HistoryExportCommand.class})
final class HistoryCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Choose a command: history export.");
    }
}
