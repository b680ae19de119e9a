package dev.autouser.cli;

import dev.autouser.core.ConsoleException;
import dev.autouser.core.engine.TeleportProvisioning;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.postgres.PostgresEngine;
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

    /** Teleport's deactivate procedure; the console refuses a role that is not an auto-user (exit 1). */
    @Override
    int runPostgres(PostgresEngine engine) {
        TeleportProvisioning.SessionOutcome outcome;
        try {
            outcome = engine.teleport(auditLog()).deactivate(user);
        } catch (ConsoleException e) {
            return refused(e);
        }
        out().println(user + ": " + outcome.description() + ".");
        return outcome == TeleportProvisioning.SessionOutcome.SKIPPED_ACTIVE ? AutoUserCommand.SOME_FAILED : AutoUserCommand.OK;
    }
}
