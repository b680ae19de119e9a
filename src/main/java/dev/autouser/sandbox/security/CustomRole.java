package dev.autouser.sandbox.security;

import java.util.List;
import java.util.Objects;

/** A user-defined role as {@code admin.system.roles} holds it. */
public record CustomRole(RoleId id, List<GrantedPrivilege> privileges, List<RoleId> roles,
                         List<AuthenticationRestriction> restrictions) {

    public CustomRole {
        Objects.requireNonNull(id, "id");
        privileges = List.copyOf(privileges);
        roles = List.copyOf(roles);
        restrictions = List.copyOf(restrictions);
    }

    public CustomRole(RoleId id, List<GrantedPrivilege> privileges, List<RoleId> roles) {
        this(id, privileges, roles, List.of());
    }

    public CustomRole withPrivileges(List<GrantedPrivilege> newPrivileges) {
        return new CustomRole(id, newPrivileges, roles, restrictions);
    }

    public CustomRole withRoles(List<RoleId> newRoles) {
        return new CustomRole(id, privileges, newRoles, restrictions);
    }

    public CustomRole withRestrictions(List<AuthenticationRestriction> newRestrictions) {
        return new CustomRole(id, privileges, roles, newRestrictions);
    }
}
