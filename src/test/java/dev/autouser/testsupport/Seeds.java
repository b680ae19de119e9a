package dev.autouser.testsupport;

import com.mongodb.client.MongoClient;
import dev.autouser.core.mongo.ConnectionProfile;
import dev.autouser.core.mongo.MongoGateway;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Seeds users the way a DBA or Teleport would: through the driver, as {@code CN=dba}, so the same
 * tests run against the sandbox and a real mongod. Every name is unique per run and every user made
 * here is dropped again by {@link #dropAll()}.
 */
public final class Seeds {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    private final MongoTarget target;
    private final List<String> created = new ArrayList<>();
    private final List<MongoClient> sessions = new ArrayList<>();
    private final List<String> createdRoles = new ArrayList<>();

    public Seeds(MongoTarget target) {
        this.target = target;
    }

    /** A fresh Teleport user name such as {@code t3kq-alice-12}. */
    public static String unique(String base) {
        return "t" + RUN + "-" + base + "-" + COUNTER.incrementAndGet();
    }

    public MongoGateway gatewayAs(String commonName) {
        return MongoGateway.connect(ConnectionProfile.x509(target.uri(), target.caFile(), target.clientFile(commonName)),
                null);
    }

    public String autoUser(String base, boolean locked, String... roles) {
        String name = unique(base);
        List<Document> roleDocs = new ArrayList<>();
        for (String role : roles) {
            String[] parts = role.split("@", 2);
            roleDocs.add(new Document("role", parts[0]).append("db", parts[1]));
        }
        List<Document> restrictions = locked
                ? List.of(new Document("clientSource", List.of("0.0.0.0"))) : List.of();
        createUser(new Document("createUser", "CN=" + name).append("roles", roleDocs)
                .append("customData", new Document("teleport-auto-user", true))
                .append("authenticationRestrictions", restrictions));
        return name;
    }

    /** An X.509 user Teleport does not manage (no tag, or the tag set to something else). */
    public String plainUser(String base, Document customDataOrNull) {
        String name = unique(base);
        Document command = new Document("createUser", "CN=" + name)
                .append("roles", List.of(new Document("role", "read").append("db", "db1")));
        if (customDataOrNull != null) {
            command.append("customData", customDataOrNull);
        }
        createUser(command);
        return name;
    }

    private void createUser(Document command) {
        target.dba().getDatabase("$external").runCommand(command);
        created.add(command.getString("createUser"));
    }

    /**
     * Seed 001's least-privilege admin: {@code grantRole} only on {@code grantableDbs}; returns the
     * Teleport-style name to log in as.
     */
    public String leastPrivilegeAdmin(List<String> grantableDbs) {
        String role = unique("lp-admin-role");
        List<Document> privileges = new ArrayList<>(List.of(
                privilege(new Document("cluster", true), "inprog"),
                privilege(new Document("db", "").append("collection", ""), "revokeRole"),
                privilege(new Document("db", "$external").append("collection", ""), "createUser", "updateUser",
                        "dropUser", "viewUser", "setAuthenticationRestriction", "changeCustomData")));
        grantableDbs.forEach(db -> privileges.add(privilege(new Document("db", db).append("collection", ""), "grantRole")));
        target.dba().getDatabase("admin").runCommand(new Document("createRole", role)
                .append("privileges", privileges).append("roles", List.of()));
        createdRoles.add(role);
        String admin = unique("lp-admin");
        target.dba().getDatabase("$external").runCommand(new Document("createUser", "CN=" + admin)
                .append("roles", List.of(new Document("role", role).append("db", "admin"))));
        created.add("CN=" + admin);
        return admin;
    }

    private static Document privilege(Document resource, String... actions) {
        return new Document("resource", resource).append("actions", List.of(actions));
    }

    /** Logs in as the user over X.509 and keeps the connection open (a live session). */
    public MongoClient connect(String teleportName, String appName) {
        return keepOpen(target.connectAs(teleportName, appName));
    }

    /** Logs the client in with a ping and keeps it open until {@link #dropAll()}. */
    private MongoClient keepOpen(MongoClient client) {
        try {
            client.getDatabase("admin").runCommand(new Document("ping", 1));
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        sessions.add(client);
        return client;
    }

    /** Like {@link #connect} but to one member or router only (a direct connection), as a person on a secondary. */
    public MongoClient connectDirectly(String teleportName, String host, String appName) {
        return keepOpen(target.connectDirectlyAs(teleportName, host, appName));
    }

    public Document userInfo(String teleportName) {
        List<Document> users = target.dba().getDatabase("$external").runCommand(
                new Document("usersInfo", new Document("user", "CN=" + teleportName).append("db", "$external"))
                        .append("showCustomData", true).append("showAuthenticationRestrictions", true))
                .getList("users", Document.class);
        return users.isEmpty() ? null : users.get(0);
    }

    public boolean exists(String teleportName) {
        return userInfo(teleportName) != null;
    }

    public void dropAll() {
        sessions.forEach(MongoClient::close);
        sessions.clear();
        for (String name : created) {
            ServerCleanup.dropUser(target.dba(), name);
        }
        created.clear();
        for (String role : createdRoles) {
            target.dba().getDatabase("admin").runCommand(new Document("dropRole", role));
        }
        createdRoles.clear();
    }

    /** Remembers a user created by the code under test so that it is dropped too. */
    public void track(String teleportName) {
        created.add("CN=" + teleportName);
    }
}
