package dev.autouser.sandbox.security;

import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * Users and roles as mongod stores them in {@code admin.system.users} and {@code admin.system.roles}
 * ({@code _id: "<db>.<name>"}, credentials, restrictions): what a DBA sees with
 * {@code db.getSiblingDB("admin").system.users.find()}.
 */
public final class SystemDocuments {

    private SystemDocuments() {
    }

    public static List<Document> users(SecurityState state) {
        List<Document> docs = new ArrayList<>();
        for (StoredUser user : state.users().all()) {
            Document doc = new Document("_id", user.id().fullName())
                    .append("userId", user.userId())
                    .append("user", user.id().user())
                    .append("db", user.id().db())
                    .append("credentials", UserDocuments.credentials(user));
            user.customData().ifPresent(data -> doc.append("customData", data));
            doc.append("roles", UserDocuments.roles(user.roles()));
            if (!user.restrictions().isEmpty()) {
                doc.append("authenticationRestrictions", UserDocuments.restrictions(user.restrictions()));
            }
            docs.add(doc);
        }
        return docs;
    }

    public static List<Document> roles(SecurityState state) {
        List<Document> docs = new ArrayList<>();
        for (CustomRole role : state.roles().all()) {
            Document doc = new Document("_id", role.id().db() + "." + role.id().role())
                    .append("role", role.id().role())
                    .append("db", role.id().db())
                    .append("privileges", UserDocuments.privileges(role.privileges()))
                    .append("roles", UserDocuments.roles(role.roles()));
            if (!role.restrictions().isEmpty()) {
                doc.append("authenticationRestrictions", UserDocuments.restrictions(role.restrictions()));
            }
            docs.add(doc);
        }
        return docs;
    }
}
