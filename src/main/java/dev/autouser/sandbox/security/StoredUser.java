package dev.autouser.sandbox.security;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One user as {@code admin.system.users} holds it. {@code customData} is absent when the user was
 * created without it (MongoDB then omits the field from {@code usersInfo}). Password users carry
 * SCRAM-SHA-256 credentials; {@code $external} (X.509) users never do. {@code userId} is the UUID
 * MongoDB assigns at creation, so re-creating a user gives it a new one.
 */
public record StoredUser(UserId id, List<RoleId> roles, Optional<Document> customData,
                         List<AuthenticationRestriction> restrictions, Optional<ScramCredential> scram,
                         UUID userId) {

    public StoredUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        roles = List.copyOf(roles);
        customData = customData.map(Document::cloneDeeply);
        restrictions = List.copyOf(restrictions);
        Objects.requireNonNull(scram, "scram");
    }

    /** A new user with a fresh {@code userId}. */
    public StoredUser(UserId id, List<RoleId> roles, Optional<Document> customData,
                      List<AuthenticationRestriction> restrictions, Optional<ScramCredential> scram) {
        this(id, roles, customData, restrictions, scram, UUID.randomUUID());
    }

    /** An X.509 user in {@code $external}, e.g. {@code x509("CN=dba", List.of(RoleId.of("root", "admin")))}. */
    public static StoredUser x509(String subject, List<RoleId> roles) {
        return new StoredUser(new UserId(subject, "$external"), roles, Optional.empty(), List.of(),
                Optional.empty());
    }

    /** A password user authenticating with SCRAM-SHA-256 in {@code db}. */
    public static StoredUser withPassword(String user, String db, String password, List<RoleId> roles) {
        return new StoredUser(new UserId(user, db), roles, Optional.empty(), List.of(),
                Optional.of(ScramCredential.derive(password, ScramCredential.DEFAULT_ITERATIONS)));
    }

    /** Copies of the stored document: callers can't change a stored user behind the store's back. */
    @Override
    public Optional<Document> customData() {
        return customData.map(Document::cloneDeeply);
    }

    /** The stored customData itself, for read-only rendering inside this package (no copy). */
    Optional<Document> customDataShared() {
        return customData;
    }

    public StoredUser withRoles(List<RoleId> newRoles) {
        return new StoredUser(id, newRoles, customData, restrictions, scram, userId);
    }

    public StoredUser withCustomData(Document newCustomData) {
        return new StoredUser(id, roles, Optional.of(newCustomData), restrictions, scram, userId);
    }

    public StoredUser withRestrictions(List<AuthenticationRestriction> newRestrictions) {
        return new StoredUser(id, roles, customData, newRestrictions, scram, userId);
    }

    public StoredUser withScram(ScramCredential credential) {
        return new StoredUser(id, roles, customData, restrictions, Optional.of(credential), userId);
    }

    /** The mechanisms {@code usersInfo} reports: X.509 for {@code $external}, else SCRAM-SHA-256 when set. */
    public List<String> mechanisms() {
        if (id.db().equals("$external")) {
            return List.of("external");
        }
        return scram.isPresent() ? List.of("SCRAM-SHA-256") : List.of();
    }

    /** Never prints credentials. */
    @Override
    public String toString() {
        return "StoredUser[" + id + ", roles=" + roles + ", restrictions=" + restrictions.size() + "]";
    }
}
