package dev.autouser.sandbox.security;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;

/** Renders users, roles and restrictions as the documents MongoDB stores and replies with. */
final class UserDocuments {

    private UserDocuments() {
    }

    /**
     * The user as {@code usersInfo} lists it without exact names: MongoDB's stored document with
     * credentials turned into {@code mechanisms} and {@code authenticationRestrictions} removed.
     * A {@code usersInfo} filter is matched against exactly this.
     */
    static Document listView(StoredUser user) {
        Document doc = new Document("_id", user.id().fullName())
                .append("userId", user.userId())
                .append("user", user.id().user())
                .append("db", user.id().db());
        user.customDataShared().ifPresent(data -> doc.append("customData", data));
        doc.append("roles", roles(user.roles()));
        doc.append("mechanisms", new ArrayList<>(user.mechanisms()));
        return doc;
    }

    /** The stored {@code credentials} document, shown only with {@code usersInfo}'s showCredentials. */
    static Document credentials(StoredUser user) {
        if (user.id().db().equals("$external")) {
            return new Document("external", true);
        }
        Document credentials = new Document();
        user.scram().ifPresent(scram -> credentials.append("SCRAM-SHA-256",
                new Document("iterationCount", scram.iterationCount()).append("salt", scram.saltBase64())
                        .append("storedKey", scram.storedKeyBase64()).append("serverKey", scram.serverKeyBase64())));
        return credentials;
    }

    /** {@code view} with {@code credentials} placed after {@code db}, where MongoDB stores it. */
    static Document withCredentials(Document view, StoredUser user) {
        Document copy = new Document();
        view.forEach((field, value) -> {
            copy.append(field, value);
            if (field.equals("db")) {
                copy.append("credentials", credentials(user));
            }
        });
        return copy;
    }

    static List<Document> roles(List<RoleId> roles) {
        List<Document> docs = new ArrayList<>(roles.size());
        for (RoleId role : roles) {
            docs.add(role(role));
        }
        return docs;
    }

    static Document role(RoleId role) {
        return new Document("role", role.role()).append("db", role.db());
    }

    static List<Document> restrictions(List<AuthenticationRestriction> restrictions) {
        List<Document> docs = new ArrayList<>(restrictions.size());
        for (AuthenticationRestriction restriction : restrictions) {
            docs.add(restriction(restriction));
        }
        return docs;
    }

    static Document restriction(AuthenticationRestriction restriction) {
        Document doc = new Document();
        if (!restriction.clientSource().isEmpty()) {
            doc.append("clientSource", restriction.clientSource().stream().map(Cidr::text).toList());
        }
        if (!restriction.serverAddress().isEmpty()) {
            doc.append("serverAddress", restriction.serverAddress().stream().map(Cidr::text).toList());
        }
        return doc;
    }

    static List<Document> privileges(List<GrantedPrivilege> privileges) {
        List<Document> docs = new ArrayList<>(privileges.size());
        for (GrantedPrivilege privilege : privileges) {
            docs.add(privilege.toDocument());
        }
        return docs;
    }
}
