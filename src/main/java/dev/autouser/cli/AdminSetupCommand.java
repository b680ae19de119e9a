package dev.autouser.cli;

import dev.autouser.core.ConsoleException;
import dev.autouser.core.audit.AuditTrail;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.postgres.PostgresEngine;
import dev.autouser.core.postgres.PostgresGateway;
import dev.autouser.core.postgres.PostgresUri;
import dev.autouser.core.postgres.admin.PostgresAdminSetup;
import dev.autouser.core.teleport.PostgresDatabaseResource;
import dev.autouser.core.provisioning.AutoUserLister;
import dev.autouser.core.provisioning.RoleRef;
import dev.autouser.core.teleport.DatabaseResource;
import dev.autouser.core.teleport.GatewayCommandRunner;
import dev.autouser.core.teleport.LeastPrivilegeDatabases;
import dev.autouser.core.teleport.TeleportRole;
import dev.autouser.core.teleport.adminsetup.AdminRoleSpec;
import dev.autouser.core.teleport.adminsetup.AdminSetup;
import dev.autouser.core.teleport.adminsetup.Finding;
import dev.autouser.core.teleport.adminsetup.StepResult;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Command(name = "admin-setup", mixinStandardHelpOptions = true,
        description = {"Check or create the MongoDB role and user Teleport's auto-provisioning needs (teleport-admin-role,"
                + " CN=teleport-admin), print them as a mongosh script, or print the Teleport db resource. With a"
                + " postgresql:// URI: the admin role (LOGIN CREATEROLE, teleport-auto-user WITH ADMIN OPTION on 16+), ssl and"
                + " pg_hba.conf, as SQL.",
                "Exit codes: --verify 0 when the setup matches, 1 with findings; --apply 0 when done, 1 when refused."})
final class AdminSetupCommand extends ConnectedCommand {
    static final class Action {
        @Option(names = "--verify", required = true, description = "Compare the server with what Teleport needs (read-only).")
        boolean verify;

        @Option(names = "--apply", required = true, description = "Create or fix the role and user; a second run changes nothing.")
        boolean apply;

        @Option(names = "--print-script", required = true, description = "Print only the mongosh script that would fix the server.")
        boolean printScript;

        @Option(names = "--teleport-yaml", required = true, description = "Print the Teleport db resource (kind: db) for this server.")
        boolean teleportYaml;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Action action;

    @Option(names = "--grant-dbs", split = ",", paramLabel = "DB,...",
            description = "Least privilege: grantRole only on these databases (those owning the roles in your db_roles).")
    List<String> grantDbs = new ArrayList<>();

    @Option(names = "--grant-dbs-for", paramLabel = "ROLE_FILE",
            description = "Least privilege derived from a Teleport role (tctl get role/NAME): grantRole on the databases of its"
                    + " db_roles and of the roles existing auto-users hold; refused when a template can name any database.")
    Path grantDbsFor;

    @Option(names = "--with-view-role", description = "Also grant read-only viewRole on all databases, which Teleport does not"
            + " need but lets this console check that db_roles name existing roles.")
    boolean withViewRole;

    @Option(names = "--role-name", paramLabel = "NAME", defaultValue = AdminRoleSpec.DEFAULT_ROLE,
            description = "Name of the admin role in the admin database (default: ${DEFAULT-VALUE}).")
    String roleName;

    @Option(names = "--admin-user", paramLabel = "CN=NAME", defaultValue = AdminRoleSpec.DEFAULT_ADMIN_USER,
            description = "The admin user in $external, as its certificate subject (default: ${DEFAULT-VALUE}).")
    String adminUser;

    @Option(names = "--static", description = "With --teleport-yaml: print the db_service.databases form for teleport.yaml instead.")
    boolean staticForm;

    @Option(names = "--db-name", paramLabel = "NAME", defaultValue = "mongodb",
            description = "With --teleport-yaml: the Teleport database name (default: ${DEFAULT-VALUE}).")
    String teleportDbName;

    @Option(names = "--default-database", paramLabel = "DB",
            description = "PostgreSQL: admin_user.default_database, the database Teleport's admin logs into (default: the"
                    + " URI's; left out of the YAML unless given, as Teleport then uses the session's database).")
    String defaultDatabase;

    private AdminRoleSpec spec;

    @Override
    void checkArguments() {
        if (connection.isPostgres(context())) {
            if (staticForm && !action.teleportYaml) {
                throw new ConsoleException("--static only applies to --teleport-yaml.");
            }
            if (!grantDbs.isEmpty() || grantDbsFor != null || withViewRole) {
                throw new ConsoleException("--grant-dbs, --grant-dbs-for and --with-view-role are MongoDB's;"
                        + " PostgreSQL's admin needs LOGIN CREATEROLE (and the group WITH ADMIN OPTION on 16+).");
            }
            return;
        }
        if (staticForm && !action.teleportYaml) {
            throw new ConsoleException("--static only applies to --teleport-yaml.");
        }
        if (grantDbsFor != null && !grantDbs.isEmpty()) {
            throw new ConsoleException("Choose --grant-dbs or --grant-dbs-for, not both.");
        }
        if (!adminUser.startsWith("CN=")) {
            throw new ConsoleException("--admin-user is the certificate subject Teleport logs in with, e.g. CN=teleport-admin.");
        }
        try {
            spec = new AdminRoleSpec(roleName, adminUser, grantDbs, withViewRole);
        } catch (IllegalArgumentException e) {
            throw new ConsoleException(e.getMessage());
        }
    }

    @Override
    int run(MongoGateway gateway) {
        if (action.teleportYaml) {
            DatabaseResource resource = new DatabaseResource(teleportDbName,
                    DatabaseResource.uriFor(connection.resolve(context()).uri()), DatabaseResource.adminUserFromMongoName(adminUser));
            out().print(staticForm ? resource.toStaticYaml() : resource.toDynamicYaml());
            return AutoUserCommand.OK;
        }
        if (grantDbsFor != null) {
            spec = spec.withGrantDbs(derivedDatabases(gateway));
        }
        AdminSetup setup = new AdminSetup(new GatewayCommandRunner(gateway), gateway.server(), gateway.identity(), auditLog());
        if (action.printScript) {
            out().print(setup.verify(spec).script());
            return AutoUserCommand.OK;
        }
        return action.verify ? verify(setup, gateway) : apply(setup, gateway);
    }

    @Override
    int runPostgres(PostgresEngine engine) {
        String admin = DatabaseResource.adminUserFromMongoName(adminUser);
        PostgresGateway gateway = engine.gateway();
        if (action.teleportYaml) {
            PostgresUri uri = PostgresUri.parse(gateway.profile().uri());
            PostgresDatabaseResource resource = new PostgresDatabaseResource(
                    teleportDbName.equals("mongodb") ? "postgres" : teleportDbName, uri.hosts().get(0).toString(), admin,
                    java.util.Optional.ofNullable(defaultDatabase));
            out().print(staticForm ? resource.toStaticYaml() : resource.toDynamicYaml());
            return AutoUserCommand.OK;
        }
        String database = defaultDatabase != null ? defaultDatabase : gateway.facts().database();
        PostgresAdminSetup setup = new PostgresAdminSetup(gateway, admin, database);
        PrintWriter out = out();
        out.println("Admin setup on " + gateway.server() + " as " + gateway.identity() + ": role " + admin
                + " (LOGIN CREATEROLE, client certificate), default database " + database + ".");
        PostgresAdminSetup.Check check = setup.check();
        if (action.printScript) {
            out.print(check.script());
            return AutoUserCommand.OK;
        }
        if (action.apply && !check.plan().isEmpty()) {
            out.println("Running:");
            out.print(check.script());
            out.println();
            try {
                check = setup.apply(new AuditTrail(auditLog(), gateway.server(), gateway.identity()), sql -> { });
            } catch (ConsoleException e) {
                return refused(e);
            }
        }
        check.notes().forEach(n -> out.println("note: " + n));
        check.problems().forEach(p -> out.println("problem: " + p));
        if (check.matches()) {
            out.println(!check.hbaChecked() ? "No problems found, but pg_hba.conf was not checked: this login may not read its rules."
                    : action.apply ? "The setup now matches what Teleport needs." : "The setup matches what Teleport needs.");
            return AutoUserCommand.OK;
        }
        out.println(check.plan().isEmpty() ? check.problems().size() + " finding(s) SQL cannot fix; see above."
                : check.problems().size() + " finding(s); fix with --apply, or print the SQL with --print-script.");
        return AutoUserCommand.SOME_FAILED;
    }

    /** The least-privilege databases for the role file, with one listing of the auto-users' roles. */
    private List<String> derivedDatabases(MongoGateway gateway) {
        RoleFileArguments file = new RoleFileArguments();
        file.file = grantDbsFor;
        TeleportRole role = file.role();
        List<RoleRef> held = new AutoUserLister(gateway).list().users().stream()
                .flatMap(user -> user.roles().stream()).distinct().toList();
        LeastPrivilegeDatabases derived = LeastPrivilegeDatabases.derive(role.allowDbRoles(), Map.of(), held);
        if (!derived.computable()) {
            throw new ConsoleException(derived.advice() + " Leave out --grant-dbs-for to do so.");
        }
        err().println("note: " + derived.advice());
        return derived.databases();
    }

    private int verify(AdminSetup setup, MongoGateway gateway) {
        AdminSetup.Check check = setup.verify(spec);
        PrintWriter out = out();
        out.println(heading(gateway));
        check.findings().forEach(f -> out.println((f.isProblem() ? "problem: " : "note: ") + f.line()));
        long problems = check.findings().stream().filter(Finding::isProblem).count();
        out.println(check.matches() ? "The setup matches what Teleport needs."
                : problems + (problems == 1 ? " finding" : " findings") + "; fix with --apply, or print the commands with --print-script.");
        return check.matches() ? AutoUserCommand.OK : AutoUserCommand.SOME_FAILED;
    }

    private int apply(AdminSetup setup, MongoGateway gateway) {
        PrintWriter out = out();
        out.println(heading(gateway));
        AdminSetup.Check before = setup.verify(spec);
        if (before.plan().isEmpty()) {
            out.println("Nothing to change: the setup already matches what Teleport needs.");
            return AutoUserCommand.OK;
        }
        out.println("Running:");
        out.print(before.script());
        out.println();
        AdminSetup.Applied applied = setup.apply(spec, step -> out.println(step.line()));
        if (applied.succeeded() && applied.after().matches()) {
            out.println("The setup now matches what Teleport needs.");
            return AutoUserCommand.OK;
        }
        applied.after().findings().stream().filter(Finding::isProblem).forEach(f -> out.println("problem: " + f.line()));
        if (applied.steps().stream().anyMatch(s -> s.outcome() == StepResult.Outcome.REFUSED)) {
            out.println("Someone with the privileges can run the script above (also: autouser admin-setup --print-script).");
        }
        return AutoUserCommand.SOME_FAILED;
    }

    private String heading(MongoGateway gateway) {
        String scope = spec.leastPrivilege() ? "grantRole on " + String.join(", ", spec.grantDbs()) : "grantRole on all databases";
        return "Admin setup on " + gateway.server() + " as " + gateway.identity() + ": role " + spec.roleName() + "@admin, user "
                + spec.adminUser() + " in $external, " + scope + (spec.withViewRole() ? ", with viewRole" : "") + ".";
    }
}
