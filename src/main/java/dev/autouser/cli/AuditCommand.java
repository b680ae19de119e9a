package dev.autouser.cli;

import picocli.CommandLine.Command;

/** {@code autouser audit ...}: read and check the audit log; never connects to a server. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Read and verify the audit log (hash-chained; see README \"The audit log\").",
        subcommands = {AuditVerifyCommand.class, AuditListCommand.class})
final class AuditCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Choose a command: audit verify or audit list.");
    }
}
