package dev.autouser.sandbox.postgres;

import java.util.List;

/**
 * Who is in the PostgreSQL demo: Teleport users in every state the console distinguishes, the
 * database roles Teleport grants them, and login roles outside {@code teleport-auto-user} that the
 * console must never touch.
 */
public final class PostgresDemoRoster {
    /** How the demo brings a user to its starting state, always through Teleport's own procedures. */
    public enum Start {
        /** Activated, with a session open from the start. */
        ACTIVE,
        /** Activated, session ended, then deactivated: NOLOGIN ({@code keep}). */
        LOCKED,
        /** Activated and never deactivated (an agent that died mid-session): LOGIN, roles kept, no session. */
        UNLOCKED_IDLE,
        /** Created a table in a session, then {@code best_effort_drop}: TP004, deactivated instead. */
        OWNS_OBJECTS,
        /** Comes and goes with the demo's activity. */
        CHURN
    }

    /** Session end as the Teleport role's {@code create_db_user_mode} says. */
    public enum Mode { KEEP, BEST_EFFORT_DROP }

    public record DemoUser(String name, List<String> roles, Start start, Mode mode) {
        public DemoUser {
            roles = List.copyOf(roles);
        }
    }

    /** A role that can log in but is not a member of the group; password logins over TLS. */
    public record Outsider(String name, String why) {
    }

    public static final List<String> DATABASE_ROLES = List.of("reader", "writer", "analyst", "developer");

    public static final List<DemoUser> USERS = List.of(
            new DemoUser("alice", List.of("reader", "writer"), Start.ACTIVE, Mode.KEEP),
            new DemoUser("bob@example.com", List.of("reader"), Start.ACTIVE, Mode.KEEP),
            new DemoUser("ivan", List.of("developer"), Start.ACTIVE, Mode.KEEP),
            new DemoUser("remote-yara-root-eu", List.of("analyst"), Start.ACTIVE, Mode.KEEP),
            new DemoUser("judy", List.of("reader"), Start.CHURN, Mode.KEEP),
            new DemoUser("ken@example.com", List.of("reader", "analyst"), Start.CHURN, Mode.KEEP),
            new DemoUser("liam", List.of("writer"), Start.CHURN, Mode.KEEP),
            new DemoUser("mia", List.of("analyst"), Start.CHURN, Mode.BEST_EFFORT_DROP),
            new DemoUser("noah", List.of("reader"), Start.CHURN, Mode.BEST_EFFORT_DROP),
            new DemoUser("olivia@example.com", List.of("reader", "writer"), Start.CHURN, Mode.KEEP),
            new DemoUser("peggy", List.of("analyst"), Start.CHURN, Mode.KEEP),
            new DemoUser("remote-sam-root-us", List.of("reader"), Start.CHURN, Mode.KEEP),
            new DemoUser("frank", List.of("writer", "reader"), Start.UNLOCKED_IDLE, Mode.KEEP),
            new DemoUser("grace@example.com", List.of("analyst"), Start.UNLOCKED_IDLE, Mode.KEEP),
            new DemoUser("dave", List.of("reader"), Start.LOCKED, Mode.KEEP),
            new DemoUser("erin@example.com", List.of("writer"), Start.LOCKED, Mode.KEEP),
            new DemoUser("remote-trent-root-us", List.of("reader"), Start.LOCKED, Mode.KEEP),
            new DemoUser("victor", List.of(), Start.LOCKED, Mode.KEEP),
            new DemoUser("carol", List.of("developer"), Start.OWNS_OBJECTS, Mode.BEST_EFFORT_DROP),
            new DemoUser("heidi@example.com", List.of("developer", "reader"), Start.OWNS_OBJECTS,
                    Mode.BEST_EFFORT_DROP));

    public static final List<Outsider> OUTSIDERS = List.of(
            new Outsider("app_backend", "the application's own login"),
            new Outsider("reporting_svc", "a reporting service account"),
            new Outsider("zoe", "a hand-made login with a Teleport user's name: Teleport refuses to take it over"),
            new Outsider("remote-eve-root", "named like an auto-user but not in the group"));

    private PostgresDemoRoster() {
    }
}
