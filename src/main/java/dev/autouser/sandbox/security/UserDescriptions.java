package dev.autouser.sandbox.security;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The full description of one user that exact-match {@code usersInfo} returns with
 * {@code showPrivileges}/{@code showAuthenticationRestrictions}: the user's own fields plus
 * {@code inheritedRoles}, {@code inheritedPrivileges} and {@code inheritedAuthenticationRestrictions}
 * resolved through role inheritance.
 */
final class UserDescriptions {

    private UserDescriptions() {
    }

    static Document describe(SecurityState state, StoredUser user, boolean showCustomData, boolean showPrivileges,
                             boolean showRestrictions) {
        Document doc = new Document("_id", user.id().fullName())
                .append("userId", user.userId())
                .append("user", user.id().user())
                .append("db", user.id().db())
                .append("mechanisms", new ArrayList<>(user.mechanisms()));
        if (showCustomData) {
            user.customData().ifPresent(data -> doc.append("customData", data));
        }
        doc.append("roles", UserDocuments.roles(user.roles()));
        if (showRestrictions) {
            doc.append("authenticationRestrictions", UserDocuments.restrictions(user.restrictions()));
        }
        Set<RoleId> inherited = state.roles().inheritedRoleNames(user.roles());
        doc.append("inheritedRoles", UserDocuments.roles(List.copyOf(inherited)));
        // The full description path (customData shown) always carries every inherited field.
        if (showPrivileges || showCustomData) {
            doc.append("inheritedPrivileges",
                    new PrivilegeSet(state.roles().privilegesOf(user.roles())).toDocuments());
        }
        if (showRestrictions || showCustomData) {
            doc.append("inheritedAuthenticationRestrictions", inheritedRestrictions(state, user.roles()));
        }
        return doc;
    }

    /** One array per inherited custom role that carries restrictions, as MongoDB nests them. */
    static List<List<Document>> inheritedRestrictions(SecurityState state, List<RoleId> roles) {
        List<List<Document>> result = new ArrayList<>();
        for (CustomRole role : state.roles().customRolesReachableFrom(roles)) {
            if (!role.restrictions().isEmpty()) {
                result.add(UserDocuments.restrictions(role.restrictions()));
            }
        }
        return result;
    }
}
