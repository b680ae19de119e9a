package dev.autouser.sandbox;

import de.bwaldvogel.mongo.bson.Document;
import dev.autouser.core.pki.DevPki;
import dev.autouser.sandbox.security.AuthenticationRestriction;
import dev.autouser.sandbox.security.CustomRole;
import dev.autouser.sandbox.security.GrantedPrivilege;
import dev.autouser.sandbox.security.ResourcePattern;
import dev.autouser.sandbox.security.RoleId;
import dev.autouser.sandbox.security.StoredUser;
import dev.autouser.sandbox.security.UserId;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Seeds a sandbox for the demo: DBA logins, the Teleport admin role (with a realistic drift), the
 * auto-users in every state with their certificates, users that must never be touched, a custom
 * role and a few documents. {@code extraUsers} adds that many auto-users straight into the store
 * (for benchmarks; no certificates).
 */
public final class DemoData {
    public static final String DBA_SUBJECT = "CN=dba";
    public static final String DBA_PASSWORD_USER = "dba";
    public static final String AUTO_USER_TAG = "teleport-auto-user";
    /** The drift seeded into teleport-admin-role: this required action is missing. */
    public static final String DRIFT_MISSING_ACTION = "dropUser";
    public static final RoleId CUSTOM_ROLE = RoleId.of("myCustomRole", "db2");
    private static final List<AuthenticationRestriction> TELEPORT_LOCK =
            List.of(AuthenticationRestriction.teleportLock());

    public enum Seed { DEMO, EMPTY }

    public enum DemoState { ACTIVE, NOT_CLEANED_UP, LOCKED }

    /** Demo-seed options; {@code extraUsers} bulk auto-users come on top of either seed. */
    public record Options(Seed seed, int extraUsers) {
        public Options {
            Objects.requireNonNull(seed, "seed");
            if (extraUsers < 0) {
                throw new IllegalArgumentException("The number of extra users cannot be negative.");
            }
        }

        public static Options demo() {
            return new Options(Seed.DEMO, 0);
        }
    }

    /** An auto-user of the demo roster: its Teleport name, the roles Teleport grants it, its starting state. */
    public record DemoUser(String teleportName, List<RoleId> roles, DemoState state) {
        public DemoUser {
            roles = List.copyOf(roles);
        }

        public String mongoName() {
            return "CN=" + teleportName;
        }
    }

    /** What was seeded and where the client files are. The password is for printing once, never logging. */
    public record Seeded(Path dbaFile, Path teleportAdminFile, String dbaPassword, List<DemoUser> autoUsers,
                         int extraUsers) {
        public Seeded {
            autoUsers = List.copyOf(autoUsers);
        }

        public Path userFile(DevPki pki, DemoUser user) {
            return DemoData.userFile(pki, user.teleportName());
        }

        @Override
        public String toString() {
            return "Seeded[" + autoUsers.size() + " auto-users, " + extraUsers + " extra]";
        }
    }

    private DemoData() {
    }

    public static Seeded seed(SandboxServer server, DevPki pki, Options options) {
        String password = newPassword();
        Path dbaFile = pki.clientFile("dba", "dba.pem");
        Path adminFile = pki.clientFile("teleport-admin", "teleport-admin.pem");
        var users = server.security().users();
        users.put(StoredUser.x509(DBA_SUBJECT, List.of(RoleId.of("root", "admin"))));
        users.put(StoredUser.withPassword(DBA_PASSWORD_USER, "admin", password, List.of(RoleId.of("root", "admin"))));
        users.put(TeleportAdminRoles.adminUser());
        List<DemoUser> roster = List.of();
        if (options.seed() == Seed.DEMO) {
            server.security().roles().put(TeleportAdminRoles.fullWithout(DRIFT_MISSING_ACTION));
            roster = DemoRoster.autoUsers();
            seedDemo(server, pki, roster);
        } else {
            server.security().roles().put(TeleportAdminRoles.full());
        }
        DemoBulkUsers.seed(server.security().users(), options.extraUsers());
        return new Seeded(dbaFile, adminFile, password, roster, options.extraUsers());
    }

    /** Where the demo keeps a Teleport user's certificate and key ({@code users/<name>.pem}). */
    public static Path userFile(DevPki pki, String teleportName) {
        return pki.clientFile(teleportName, "users/" + teleportName + ".pem");
    }

    /** The store's version of a roster entry: locked users hold no roles and Teleport's lock restriction. */
    public static StoredUser storedAutoUser(String teleportName, List<RoleId> roles, boolean locked) {
        return new StoredUser(new UserId("CN=" + teleportName, "$external"), locked ? List.of() : roles,
                Optional.of(new Document(AUTO_USER_TAG, true)),
                locked ? TELEPORT_LOCK : List.of(), Optional.empty());
    }

    private static void seedDemo(SandboxServer server, DevPki pki, List<DemoUser> roster) {
        server.security().roles().put(new CustomRole(CUSTOM_ROLE,
                List.of(GrantedPrivilege.of(ResourcePattern.collection("db2", "orders"), "find", "insert", "update")),
                List.of(RoleId.of("read", "db2"))));
        for (DemoUser user : roster) {
            server.security().users().put(storedAutoUser(user.teleportName(), user.roles(),
                    user.state() == DemoState.LOCKED));
            userFile(pki, user.teleportName());
        }
        server.security().users().put(StoredUser.x509("CN=app-backend", List.of(RoleId.of("readWrite", "db1"))));
        // Looks like the auto-user of a user from another cluster, but nobody tagged it: the console must leave it alone.
        server.security().users().put(StoredUser.x509("CN=remote-eve-root", List.of(RoleId.of("read", "reporting")))
                .withCustomData(new Document("owner", "analytics-team")));
        DemoDocuments.insert(server);
    }

    private static String newPassword() {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    static Optional<DemoUser> find(List<DemoUser> roster, String teleportName) {
        return roster.stream().filter(user -> user.teleportName().equals(teleportName)).findFirst();
    }
}
