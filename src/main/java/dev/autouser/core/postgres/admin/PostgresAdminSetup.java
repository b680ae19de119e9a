package dev.autouser.core.postgres.admin;

import dev.autouser.core.audit.AuditTrail;
import dev.autouser.core.ConsoleException;
import dev.autouser.core.postgres.PostgresGateway;
import dev.autouser.core.postgres.SqlCommand;
import dev.autouser.core.postgres.SqlText;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What Teleport's PostgreSQL admin needs (Teleport's guide and {@code lib/srv/db/postgres}): a role
 * with {@code LOGIN CREATEROLE} that logs in with its client certificate, which on PostgreSQL 16+
 * also holds {@code teleport-auto-user} WITH ADMIN OPTION; TLS on; a pg_hba.conf
 * {@code hostssl ... cert} line it matches. {@link #check} reads and compares, {@link #apply} runs
 * the SQL the check planned (each statement shown first and audited) and checks again.
 */
public final class PostgresAdminSetup {
    private final PostgresGateway gateway;
    private final String admin;
    private final String defaultDatabase;

    /** {@code defaultDatabase}: the database the admin logs into ({@code admin_user.default_database}). */
    public PostgresAdminSetup(PostgresGateway gateway, String admin, String defaultDatabase) {
        this.gateway = gateway;
        this.admin = requireName(admin);
        this.defaultDatabase = requireName(defaultDatabase);
    }

    /**
     * Findings (problems fail a verify, notes do not) and the SQL that fixes what SQL can fix;
     * {@code hbaChecked}: false when this login may not read pg_hba.conf's rules, so "no problems" leaves them unchecked.
     */
    public record Check(List<String> problems, List<String> notes, List<SqlCommand> plan, boolean hbaChecked) {
        public Check {
            problems = List.copyOf(problems);
            notes = List.copyOf(notes);
            plan = List.copyOf(plan);
        }

        public boolean matches() {
            return problems.isEmpty();
        }

        /** The plan as psql takes it. */
        public String script() {
            StringBuilder text = new StringBuilder();
            plan.forEach(c -> text.append(c.shellText()).append('\n'));
            return text.toString();
        }
    }

    public Check check() {
        AdminState state = AdminState.read(gateway, admin);
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<SqlCommand> plan = new ArrayList<>();
        String role = SqlText.identifier(admin);
        if (!state.adminExists()) {
            problems.add("the role " + admin + " does not exist: Teleport cannot log in to create users");
            plan.add(command("CREATE USER", "create " + admin, "CREATE USER " + role + " LOGIN CREATEROLE"));
        } else if (!state.canLogin() || !state.createRole()) {
            List<String> missing = new ArrayList<>();
            if (!state.canLogin()) {
                missing.add("LOGIN");
            }
            if (!state.createRole()) {
                missing.add("CREATEROLE");
            }
            problems.add(admin + " lacks " + String.join(" and ", missing) + ": Teleport "
                    + (state.canLogin() ? "cannot create, alter or drop users" : "cannot log in"));
            plan.add(command("ALTER ROLE", "give " + admin + " " + String.join(" ", missing),
                    "ALTER ROLE " + role + " " + String.join(" ", missing)));
        } else { // a passed check is listed too, so the findings name every check the status line sums up
            notes.add(admin + " has LOGIN and CREATEROLE: Teleport can log in as it and create, alter and drop users");
        }
        if (state.adminSuperuser()) {
            notes.add(admin + " is a superuser: it needs only LOGIN CREATEROLE");
        }
        groupFindings(state, role, problems, notes, plan);
        if (!state.ssl()) {
            problems.add("ssl is off: Teleport's agent connects with TLS and a client certificate; set ssl = on with"
                    + " ssl_cert_file, ssl_key_file and ssl_ca_file (the CA that signs Teleport's certificates) and reload");
        } else {
            notes.add("ssl is on");
        }
        hbaFindings(state, problems, notes);
        return new Check(problems, notes, plan, state.hbaReadable());
    }

    private void groupFindings(AdminState state, String role, List<String> problems, List<String> notes,
                               List<SqlCommand> plan) {
        String group = SqlText.identifier(AdminState.GROUP);
        if (!state.adminOptionRules()) {
            notes.add("PostgreSQL before 16: CREATEROLE alone lets " + admin + " grant " + AdminState.GROUP);
            return;
        }
        if (!state.groupExists()) {
            notes.add(AdminState.GROUP + " does not exist yet: Teleport creates it at the first session, and as its"
                    + " creator " + admin + " gets ADMIN OPTION on it (PostgreSQL 16+)");
            return;
        }
        if (!state.adminOption()) {
            problems.add(admin + " does not hold " + AdminState.GROUP + " WITH ADMIN OPTION: on PostgreSQL 16+ it"
                    + " cannot put new users in the group, so every auto-provisioned session fails");
            plan.add(command("GRANT", "grant " + AdminState.GROUP + " to " + admin + " with admin option",
                    "GRANT " + group + " TO " + role + " WITH ADMIN OPTION"));
        } else {
            notes.add(admin + " holds " + AdminState.GROUP + " WITH ADMIN OPTION");
        }
    }

    private void hbaFindings(AdminState state, List<String> problems, List<String> notes) {
        if (!state.hbaReadable()) {
            notes.add("cannot check pg_hba.conf: reading pg_hba_file_rules needs a superuser (or a grant on it);"
                    + " check by hand that a hostssl ... cert line matches " + admin);
            return;
        }
        HbaVerdict verdict = HbaVerdict.of(state.hba(), admin, defaultDatabase, state.adminGroups());
        if (verdict.admitted()) {
            notes.addAll(verdict.lines());
        } else {
            problems.addAll(verdict.lines());
        }
    }

    /** Runs the check's plan, each statement reported to {@code shown} before it runs and audited; then checks again. */
    public Check apply(AuditTrail audit, Consumer<String> shown) {
        return apply(check(), audit, shown);
    }

    /**
     * Runs exactly the plan of {@code confirmed} (the one a person was shown and agreed to, never a
     * newer one), each statement reported to {@code shown} before it runs and audited; then checks
     * again. A statement the server refuses stops the run with its sentence.
     */
    public Check apply(Check confirmed, AuditTrail audit, Consumer<String> shown) {
        for (SqlCommand command : confirmed.plan()) {
            shown.accept(command.shellText());
            audit.change(command, admin, () -> {
                gateway.execute(command);
                return "done";
            }, outcome -> outcome);
        }
        return check();
    }

    private SqlCommand command(String name, String intent, String sql) {
        return SqlCommand.of(gateway.facts().database(), name, intent, sql);
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new ConsoleException("A role or database name must not be empty.");
        }
        return name;
    }
}
