package dev.autouser.sandbox.security;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** createUser, updateUser, dropUser, grantRolesToUser and revokeRolesFromUser, with MongoDB's checks and errors. */
final class UserWriteCommands {

    private static final Set<String> CREATE_FIELDS = Set.of("pwd", "customData", "roles", "digestPassword",
            "authenticationRestrictions", "mechanisms");
    private static final Set<String> ROLES_ONLY = Set.of("roles");

    private final SecurityState state;

    UserWriteCommands(SecurityState state) {
        this.state = state;
    }

    Document createUser(String db, Document body) {
        UmcArgs.requireKnownFields("createUser", body, CREATE_FIELDS);
        String name = UmcArgs.nameArgument("createUser", body);
        if (db.equals("local")) {
            throw ServerErrors.badValue("Cannot create users in the local database");
        }
        if (name.indexOf('\0') >= 0) {
            throw ServerErrors.badValue("Username cannot contain NULL characters");
        }
        if (name.isEmpty()) {
            // mongod refuses it when it validates the user document it is about to store.
            throw ServerErrors.badValue("User document needs 'user' field to be non-empty");
        }
        UserId id = new UserId(name, db);
        boolean external = db.equals("$external");
        if (!body.containsKey("pwd") && !external) {
            throw ServerErrors.badValue("Must provide a 'pwd' field for all user documents, except those"
                    + " with '$external' as the user's source db");
        }
        if (body.containsKey("pwd") && external) {
            throw ServerErrors.badValue("Cannot set the password for users defined on the '$external' database");
        }
        if (!body.containsKey("roles")) {
            throw ServerErrors.missingField("createUser", "roles");
        }
        Optional<ScramCredential> scram = external ? Optional.empty() : Optional.of(credential("createUser", body));
        List<RoleId> roles = UmcArgs.roles("createUser", "roles", body.get("roles"), db);
        StoredUser user = new StoredUser(id, roles, customData("createUser", body), restrictions("createUser", body),
                scram);
        requireRolesExist(roles);
        if (!state.users().insert(user)) {
            throw ServerErrors.userAlreadyExists(id);
        }
        return ok();
    }

    Document updateUser(String db, Document body) {
        UmcArgs.requireKnownFields("updateUser", body, CREATE_FIELDS);
        UserId id = new UserId(UmcArgs.nameArgument("updateUser", body), db);
        requireNonEmptyMechanisms(body);
        if (body.containsKey("pwd") && db.equals("$external")) {
            throw ServerErrors.badValue("Cannot set the password for users defined on the '$external' database");
        }
        boolean changesSomething = body.containsKey("pwd") || body.containsKey("customData")
                || body.containsKey("roles") || body.containsKey("authenticationRestrictions");
        if (!changesSomething) {
            throw ServerErrors.badValue("Must specify at least one field to update in updateUser");
        }
        Optional<ScramCredential> scram = body.containsKey("pwd") ? Optional.of(credential("updateUser", body))
                : Optional.empty();
        Optional<Document> customData = customData("updateUser", body);
        Optional<List<RoleId>> roles = body.containsKey("roles")
                ? Optional.of(UmcArgs.roles("updateUser", "roles", body.get("roles"), db)) : Optional.empty();
        Optional<List<AuthenticationRestriction>> restrictions = body.containsKey("authenticationRestrictions")
                ? Optional.of(restrictions("updateUser", body)) : Optional.empty();
        roles.ifPresent(this::requireRolesExist);
        Optional<StoredUser> updated = state.users().update(id, user -> {
            StoredUser next = user;
            next = scram.map(next::withScram).orElse(next);
            next = customData.map(next::withCustomData).orElse(next);
            next = roles.map(next::withRoles).orElse(next);
            return restrictions.map(next::withRestrictions).orElse(next);
        });
        if (updated.isEmpty()) {
            throw ServerErrors.userNotFound("User " + id + " not found");
        }
        return ok();
    }

    Document dropUser(String db, Document body) {
        UmcArgs.requireKnownFields("dropUser", body, Set.of());
        UserId id = new UserId(UmcArgs.nameArgument("dropUser", body), db);
        if (!state.users().remove(id)) {
            throw ServerErrors.userNotFound("User '" + id + "' not found");
        }
        return ok();
    }

    /** Removes every user of {@code db}; the reply's {@code n} counts them, as mongod's does. */
    Document dropAllUsersFromDatabase(String db, Document body) {
        UmcArgs.requireKnownFields("dropAllUsersFromDatabase", body, Set.of());
        int dropped = 0;
        for (StoredUser user : state.users().inDatabase(db)) {
            if (state.users().remove(user.id())) {
                dropped++;
            }
        }
        return new Document("n", dropped).append("ok", 1.0);
    }

    Document grantRolesToUser(String db, Document body) {
        UmcArgs.requireKnownFields("grantRolesToUser", body, ROLES_ONLY);
        UserId id = new UserId(UmcArgs.nameArgument("grantRolesToUser", body), db);
        List<RoleId> roles = nonEmptyRoles("grantRolesToUser", body, db);
        StoredUser user = existing(id);
        requireRolesExist(roles);
        Set<RoleId> merged = new LinkedHashSet<>(user.roles());
        merged.addAll(roles);
        updateRoles(id, new ArrayList<>(merged));
        return ok();
    }

    Document revokeRolesFromUser(String db, Document body) {
        UmcArgs.requireKnownFields("revokeRolesFromUser", body, ROLES_ONLY);
        UserId id = new UserId(UmcArgs.nameArgument("revokeRolesFromUser", body), db);
        List<RoleId> roles = nonEmptyRoles("revokeRolesFromUser", body, db);
        StoredUser user = existing(id);
        requireRolesExist(roles);
        List<RoleId> remaining = user.roles().stream().filter(role -> !roles.contains(role)).toList();
        updateRoles(id, remaining);
        return ok();
    }

    private void updateRoles(UserId id, List<RoleId> roles) {
        if (state.users().update(id, user -> user.withRoles(roles)).isEmpty()) {
            throw ServerErrors.userNotFound("User " + id + " not found");
        }
    }

    private StoredUser existing(UserId id) {
        return state.users().find(id).orElseThrow(() -> ServerErrors.userNotFound(
                "Could not find user \"" + id.user() + "\" for db \"" + id.db() + "\""));
    }

    private static List<RoleId> nonEmptyRoles(String command, Document body, String db) {
        if (!body.containsKey("roles")) {
            throw ServerErrors.missingField(command, "roles");
        }
        List<RoleId> roles = UmcArgs.roles(command, "roles", body.get("roles"), db);
        if (roles.isEmpty()) {
            throw ServerErrors.badValue(command + " command requires a non-empty \"roles\" array");
        }
        return roles;
    }

    /** MongoDB names every unknown role at once: "Could not find role: a@x" or "Could not find roles: a@x, b@y". */
    void requireRolesExist(List<RoleId> roles) {
        List<String> unknown = roles.stream().filter(role -> !state.roles().exists(role)).map(RoleId::toString).toList();
        if (!unknown.isEmpty()) {
            throw ServerErrors.roleNotFound("Could not find role" + (unknown.size() > 1 ? "s" : "") + ": "
                    + String.join(", ", unknown));
        }
    }

    /** SCRAM-SHA-256 from {@code pwd}; SCRAM-SHA-1 (MD5-digested passwords) is not offered by the sandbox. */
    private static ScramCredential credential(String command, Document body) {
        Object pwd = body.get("pwd");
        if (!(pwd instanceof String password)) {
            throw ServerErrors.wrongType(command, "pwd", pwd, " 'string'");
        }
        requireNonEmptyMechanisms(body);
        if (body.get("mechanisms") instanceof List<?> mechanisms) {
            for (Object mechanism : mechanisms) {
                if (!"SCRAM-SHA-256".equals(mechanism)) {
                    throw ServerErrors.badValue(mechanism + " not supported in authMechanisms");
                }
            }
        }
        if (!UmcArgs.flag(body, "digestPassword", true)) {
            throw ServerErrors.badValue("Use of SCRAM-SHA-256 requires undigested passwords");
        }
        if (password.isEmpty()) {
            // What mongod 7.0 answers: SASLprep of an empty string fails before anything is stored.
            throw new MongoServerError(50687, "Location50687",
                    "Error preflighting UTF-8 conversion: U_STRING_NOT_TERMINATED_WARNING");
        }
        try {
            return ScramCredential.derive(password, ScramCredential.DEFAULT_ITERATIONS);
        } catch (IllegalArgumentException e) {
            throw ServerErrors.badValue("Error preflighting normalization: " + e.getMessage());
        }
    }

    private static void requireNonEmptyMechanisms(Document body) {
        Object mechanisms = body.get("mechanisms");
        if (mechanisms != null && (!(mechanisms instanceof List<?> list) || list.isEmpty())) {
            throw ServerErrors.badValue("mechanisms field must not be empty");
        }
    }

    /** Absent is "no change"; an explicit {@code null} is a type error, as in mongod's command parser. */
    private static Optional<Document> customData(String command, Document body) {
        if (!body.containsKey("customData")) {
            return Optional.empty();
        }
        Object value = body.get("customData");
        if (!(value instanceof Document data)) {
            throw ServerErrors.wrongType(command, "customData", value, " 'object'");
        }
        return Optional.of(data);
    }

    private static List<AuthenticationRestriction> restrictions(String command, Document body) {
        // An explicit null is refused (not "no restrictions"): it must never unlock a locked user.
        return body.containsKey("authenticationRestrictions")
                ? RestrictionParser.parseAll(command, body.get("authenticationRestrictions")) : List.of();
    }

    static Document ok() {
        return new Document("ok", 1.0);
    }
}
