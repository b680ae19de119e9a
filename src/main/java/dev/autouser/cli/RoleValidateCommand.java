package dev.autouser.cli;

import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.postgres.PostgresEngine;
import dev.autouser.core.postgres.teleport.PostgresRoleMapping;
import dev.autouser.core.teleport.GatewayCommandRunner;
import dev.autouser.core.teleport.RoleCatalog;
import dev.autouser.core.teleport.RoleMappingValidator;
import dev.autouser.core.teleport.RoleProblem;
import dev.autouser.core.teleport.ServerRoleCatalog;
import dev.autouser.core.teleport.TeleportConfigException;
import dev.autouser.core.teleport.TeleportRole;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check every db_roles entry (role@db, templates, and that the role exists on the server), the mode"
                + " and the matchers. One line per problem.", "Exit codes: 0 valid, 1 problems, 2 usage or connection error."})
final class RoleValidateCommand extends ConnectedCommand {
    @Mixin
    RoleFileArguments role;

    @Option(names = "--offline", description = "Check without a server: syntax, mode, matchers and templates;"
            + " role existence is then reported as not checked.")
    boolean offline;

    @Option(names = "--admin-user", paramLabel = "NAME", defaultValue = "teleport-admin",
            description = "PostgreSQL: Teleport's admin role, which on 16+ must hold each role WITH ADMIN OPTION"
                    + " (default: ${DEFAULT-VALUE}).")
    String adminUser;

    @Override
    boolean offline() {
        return offline;
    }

    @Override
    int runOffline() {
        return validate(RoleCatalog.NONE);
    }

    @Override
    int run(MongoGateway gateway) {
        return validate(new ServerRoleCatalog(new GatewayCommandRunner(gateway)));
    }

    @Override
    int runPostgres(PostgresEngine engine) {
        TeleportRole parsed;
        try {
            parsed = role.role();
        } catch (TeleportConfigException e) {
            out().println(e.getMessage());
            return AutoUserCommand.SOME_FAILED;
        }
        PostgresRoleMapping.ServerRoles server = PostgresRoleMapping.ServerRoles.read(engine.gateway(), adminUser);
        List<RoleProblem> problems = PostgresRoleMapping.validate(parsed, role.traitMap(), server);
        return report(parsed, problems,
                "Role " + parsed.name() + " is valid for " + engine.server() + " (roles checked against pg_roles).");
    }

    private int validate(RoleCatalog catalog) {
        TeleportRole parsed;
        try {
            parsed = role.role();
        } catch (TeleportConfigException e) {
            out().println(e.getMessage());
            return AutoUserCommand.SOME_FAILED;
        }
        List<RoleProblem> problems = RoleMappingValidator.validate(parsed, role.traitMap(), catalog);
        return report(parsed, problems, RoleMappingValidator.hasUncheckedRoles(problems)
                ? "Role " + parsed.name() + " has no errors, but some roles could not be checked against the server (see the notes)."
                : "Role " + parsed.name() + " is valid.");
    }

    /** Each problem, then the verdict: problems, not fully checked (unfilled templates), or {@code validLine}. */
    private int report(TeleportRole parsed, List<RoleProblem> problems, String validLine) {
        problems.forEach(p -> out().println(p.severity().name().toLowerCase() + ": " + p.line()));
        boolean valid = !RoleMappingValidator.hasErrors(problems);
        long unfilled = RoleMappingValidator.templatesWithoutSampleTraits(parsed, role.traitMap());
        out().println(!valid ? "Role " + parsed.name() + " has problems."
                : unfilled > 0 ? notFullyChecked(parsed, unfilled)
                : validLine);
        return valid ? AutoUserCommand.OK : AutoUserCommand.SOME_FAILED;
    }

    /** No errors, but a template the sample traits do not fill produced no roles to check: not "valid". */
    private static String notFullyChecked(TeleportRole parsed, long unfilled) {
        return "Role " + parsed.name() + " is not fully checked: " + unfilled + " trait template(s) need sample traits (--trait)"
                + " to check the roles they produce; no errors in the rest.";
    }
}
