package dev.autouser.cli;

import dev.autouser.core.ConsoleException;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.provisioning.TeleportProvisioner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "deactivate", mixinStandardHelpOptions = true,
        description = "Do what Teleport's keep mode does at session end: remove roles and lock, unless connected.")
final class DeactivateCommand extends ConnectedCommand {
    @Parameters(index = "0", paramLabel = "USER", description = "Teleport user name (alice).")
    String user;

    @Override
    int run(MongoGateway gateway) {
        TeleportProvisioner.Outcome outcome;
        try {
            outcome = new TeleportProvisioner(gateway, auditLog()).deactivate(user);
        } catch (ConsoleException e) {
            return refused(e);
        }
        out().println(TeleportNameText.of(user) + ": " + outcome.description() + ".");
        return outcome == TeleportProvisioner.Outcome.SKIPPED_ACTIVE ? AutoUserCommand.SOME_FAILED : AutoUserCommand.OK;
    }
}
