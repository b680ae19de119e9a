package dev.autouser.sandbox.postgres;

/** The demo server's {@code pg_hba.conf}: TLS on loopback only, certificates for the logins that have one. */
final class DemoHba {
    static final String TEXT = """
            # Auto-User Console demo: TLS on loopback only. First matching line wins.
            # TYPE   DATABASE  USER                 ADDRESS        METHOD
            # The demo's own bootstrap superuser (seeding, churn bookkeeping).
            hostssl  all       postgres             127.0.0.1/32   cert
            hostssl  all       postgres             ::1/128        cert
            # Teleport's admin (admin_user.name), as the database agent connects it.
            hostssl  all       teleport-admin       127.0.0.1/32   cert
            hostssl  all       teleport-admin       ::1/128        cert
            # The DBA running the console.
            hostssl  all       dba                  127.0.0.1/32   cert
            hostssl  all       dba                  ::1/128        cert
            # Auto-users, as Teleport's database agent connects them (client certificates).
            hostssl  all       +teleport-auto-user  127.0.0.1/32   cert
            hostssl  all       +teleport-auto-user  ::1/128        cert
            # Every other role: a password, still over TLS.
            hostssl  all       all                  127.0.0.1/32   scram-sha-256
            hostssl  all       all                  ::1/128        scram-sha-256
            """;

    private DemoHba() {
    }
}
