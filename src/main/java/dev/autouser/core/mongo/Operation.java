package dev.autouser.core.mongo;

import java.util.List;

import static dev.autouser.core.mongo.Privilege.onCluster;
import static dev.autouser.core.mongo.Privilege.onDatabase;
import static dev.autouser.core.mongo.Privilege.onEveryDatabase;

/**
 * What the console can do, with the privileges each needs (MongoDB's "Required Access" for
 * usersInfo, updateUser, dropUser, createUser, currentOp and rolesInfo). Creating a user with
 * customData needs no changeCustomData; seed 001 grants it anyway, and the admin-role drift check
 * reports it, not this.
 */
public enum Operation {
    LIST("list auto-users", List.of(
            onDatabase("viewUser", "$external"), onCluster("inprog"))),
    LOCK("lock auto-users", List.of(
            onDatabase("viewUser", "$external"), onCluster("inprog"),
            onDatabase("setAuthenticationRestriction", "$external"), onEveryDatabase("revokeRole"))),
    DROP("drop auto-users", List.of(
            onDatabase("viewUser", "$external"), onCluster("inprog"),
            onDatabase("setAuthenticationRestriction", "$external"), onEveryDatabase("revokeRole"),
            onDatabase("dropUser", "$external"))),
    ACTIVATE("activate users as Teleport does", List.of(
            onDatabase("viewUser", "$external"), onCluster("inprog"),
            onDatabase("createUser", "$external"),
            onDatabase("setAuthenticationRestriction", "$external"), onEveryDatabase("revokeRole"))),
    CLEANUP("clean up stale auto-users", DROP.required),
    VALIDATE_ROLES("validate role names", List.of(onEveryDatabase("viewRole")));

    private final String label;
    private final List<Privilege> required;

    Operation(String label, List<Privilege> required) {
        this.label = label;
        this.required = List.copyOf(required);
    }

    public String label() {
        return label;
    }

    /**
     * The privileges needed. Activation also needs {@code grantRole} on each granted role's
     * database, which depends on the roles and is checked by the server when it runs.
     */
    public List<Privilege> required() {
        return required;
    }
}
