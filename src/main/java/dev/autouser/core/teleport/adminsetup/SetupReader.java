package dev.autouser.core.teleport.adminsetup;

import dev.autouser.core.mongo.MongoErrors;
import dev.autouser.core.mongo.Privilege;
import dev.autouser.core.provisioning.UserCommands;
import dev.autouser.core.ConsoleException;
import dev.autouser.core.mongo.CommandRunner;
import dev.autouser.core.provisioning.RoleRef;
import org.bson.Document;

import java.util.List;
import java.util.Optional;

/**
 * Reads the admin role ({@code rolesInfo} with {@code showPrivileges}) and the admin user
 * ({@code usersInfo}) from the server. Refusals become "unknown" with the privilege that is
 * missing, so verify and apply can still explain and plan.
 */
public final class SetupReader {
    private final CommandRunner server;

    public SetupReader(CommandRunner server) {
        this.server = server;
    }

    public ExistingSetup read(AdminRoleSpec spec) {
        Observation<ExistingSetup.User> user = readUser(spec.adminUser(), UserCommands.EXTERNAL);
        List<ExistingSetup.User> elsewhere = List.of();
        if (user.state() == Observation.State.ABSENT) {
            elsewhere = readUser(spec.adminUser(), AdminRoleSpec.ROLE_DB).value().stream().toList();
        }
        return new ExistingSetup(readRole(spec.roleName()), user, elsewhere);
    }

    private Observation<ExistingSetup.Role> readRole(String roleName) {
        String db = AdminRoleSpec.ROLE_DB;
        Document command = new Document("rolesInfo", new Document("role", roleName).append("db", db)).append("showPrivileges", true);
        try {
            List<Document> roles = server.run(db, command).getList("roles", Document.class, List.of());
            return roles.isEmpty() ? Observation.absent() : Observation.found(toRole(roles.get(0)));
        } catch (ConsoleException e) {
            if (MongoErrors.isUnauthorized(e)) {
                return Observation.unknown("the connected user may not read roles in " + db + " (rolesInfo needs viewRole there)");
            }
            throw e;
        }
    }

    private Observation<ExistingSetup.User> readUser(String userName, String db) {
        Document command = new Document("usersInfo", new Document("user", userName).append("db", db));
        try {
            List<Document> users = server.run(db, command).getList("users", Document.class, List.of());
            return users.isEmpty() ? Observation.absent() : Observation.found(toUser(users.get(0)));
        } catch (ConsoleException e) {
            if (MongoErrors.isUnauthorized(e)) {
                return Observation.unknown("the connected user may not read users in " + db + " (usersInfo needs viewUser there)");
            }
            throw e;
        }
    }

    static ExistingSetup.Role toRole(Document role) {
        List<Document> effective = Optional.ofNullable(role.getList("inheritedPrivileges", Document.class))
                .orElse(role.getList("privileges", Document.class, List.of()));
        return new ExistingSetup.Role(role.getString("role"), role.getString("db"), Privilege.fromDocuments(effective),
                roleRefs(role.getList("roles", Document.class, List.of())));
    }

    private static ExistingSetup.User toUser(Document user) {
        return new ExistingSetup.User(user.getString("user"), user.getString("db"), roleRefs(user.getList("roles", Document.class, List.of())));
    }

    private static List<RoleRef> roleRefs(List<Document> roles) {
        return roles.stream().map(r -> new RoleRef(r.getString("role"), r.getString("db"))).toList();
    }
}
