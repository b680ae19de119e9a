package dev.autouser.cli;

import dev.autouser.core.ConsoleException;
import dev.autouser.core.engine.TeleportProvisioning;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.postgres.PostgresEngine;
import dev.autouser.core.postgres.SqlText;
import dev.autouser.core.provisioning.TeleportName;
import dev.autouser.core.provisioning.RoleRef;
import dev.autouser.core.provisioning.TeleportProvisioner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

@Command(name = "activate", mixinStandardHelpOptions = true,
        description = "Do what Teleport does at session start: create the user, or re-enable it with these roles.")
final class ActivateCommand extends ConnectedCommand {
    @Parameters(index = "0", paramLabel = "USER", description = "Teleport user name (alice).")
    String user;

    @Option(names = "--roles", required = true, paramLabel = "ROLE@DB,...",
            description = "Roles as Teleport's db_roles: readWrite@sales,read@reports (PostgreSQL: reader,writer).")
    String roles;

    private List<RoleRef> parsed;
    private List<String> postgresRoles;

    @Override
    void checkArguments() {
        if (connection.isPostgres(context())) {
            postgresRoles = java.util.Arrays.stream(roles.split(",")).map(String::strip).filter(r -> !r.isEmpty()).toList();
            if (postgresRoles.isEmpty()) {
                throw new ConsoleException("--roles is empty: give at least one PostgreSQL role, e.g. --roles reader.");
            }
            postgresRoles.forEach(SqlText::checkName);
            SqlText.checkName(user);
            return;
        }
        parsed = RoleRef.parseList(roles);
        if (parsed.isEmpty()) {
            throw new ConsoleException("--roles is empty: give at least one role as ROLE@DB, e.g. --roles readWrite@db1.");
        }
        TeleportName.teleportNameOf(user);
    }

    @Override
    int run(MongoGateway gateway) {
        TeleportProvisioner.Outcome outcome;
        try {
            outcome = new TeleportProvisioner(gateway, auditLog()).activate(user, parsed);
        } catch (ConsoleException e) {
            return refused(e);
        }
        out().println(TeleportNameText.of(user) + ": " + outcome.description() + " with roles "
                + String.join(", ", parsed.stream().map(RoleRef::toString).toList()) + ".");
        return AutoUserCommand.OK;
    }

    /** Teleport's activate procedure; its refusals (TP002, not managed by Teleport) are exit 1 with its sentence. */
    @Override
    int runPostgres(PostgresEngine engine) {
        TeleportProvisioning.SessionOutcome outcome;
        try {
            outcome = engine.teleport(auditLog()).activate(user, postgresRoles);
        } catch (ConsoleException e) {
            return refused(e);
        }
        out().println(user + ": " + outcome.description() + " with roles " + String.join(", ", postgresRoles) + ".");
        return AutoUserCommand.OK;
    }
}
