package dev.autouser.cli;

import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.mongo.Operation;
import dev.autouser.core.mongo.ServerFacts;
import dev.autouser.core.postgres.PostgresEngine;
import dev.autouser.core.postgres.PostgresFacts;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

@Command(name = "server-info", mixinStandardHelpOptions = true,
        description = "Show the server version, topology, platform, who you are and what you may do.")
final class ServerInfoCommand extends ConnectedCommand {
    @Override
    int run(MongoGateway gateway) {
        ServerFacts facts = gateway.facts();
        PrintWriter out = out();
        out.println("Server:        " + gateway.server());
        out.println("Version:       " + facts.version());
        out.println("Topology:      " + facts.topology().label()
                + facts.replicaSetName().map(name -> " (" + name + ")").orElse(""));
        out.println("Deployment:    " + gateway.deployment().summary());
        try {
            var census = dev.autouser.core.provisioning.SessionProbe.census(gateway);
            for (var answer : census.answers()) {
                out.println("  " + (answer.answered() ? "answered     " : "NO ANSWER    ") + answer.describe());
            }
            census.unlistedWarning().ifPresent(w -> out.println("  warning: " + w));
        } catch (dev.autouser.core.ConsoleException e) {
            out.println("  sessions not checked: " + e.getMessage());
        }
        out.println("Platform:      " + facts.platform().explanation());
        out.println("Connected as:  " + facts.identity());
        out.println("Roles:         " + (facts.roles().isEmpty() ? "(none)" : String.join(", ", facts.roles())));
        out.println("Operations:");
        for (Operation operation : Operation.values()) {
            out.println("  " + (facts.can(operation) ? "yes " : "NO  ") + operation.label()
                    + facts.whyNot(operation).map(why -> " - missing: " + String.join(", ",
                    facts.missing(operation).stream().map(p -> p.describe()).toList())).orElse(""));
        }
        facts.warnings().forEach(w -> out.println("Warning:       " + w));
        return AutoUserCommand.OK;
    }

    /** The same for PostgreSQL: version, who, its attributes, and what it may do with auto-users. */
    @Override
    int runPostgres(PostgresEngine engine) {
        PostgresFacts facts = engine.gateway().facts();
        PrintWriter out = out();
        out.println("Server:        " + engine.server());
        out.println("Version:       PostgreSQL " + facts.version());
        out.println("TLS:           " + (facts.ssl() ? "yes" : "NO (the connection is not encrypted)"));
        out.println("Connected as:  " + facts.currentUser() + (facts.superuser() ? " (superuser)" : "")
                + (facts.createRole() ? " CREATEROLE" : ""));
        out.println("Group:         " + PostgresFacts.GROUP + (facts.groupExists()
                ? (facts.groupMember() ? ", member" + (facts.groupAdminOption() ? " WITH ADMIN OPTION" : " without ADMIN OPTION")
                : ", not a member") : " does not exist"));
        out.println("Operations:");
        for (String line : engine.permissions()) {
            out.println("  " + line);
        }
        return AutoUserCommand.OK;
    }
}
