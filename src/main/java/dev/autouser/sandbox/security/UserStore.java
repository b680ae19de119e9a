package dev.autouser.sandbox.security;

import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.UnaryOperator;

/**
 * The users of the server, keyed by (user, db) and kept in MongoDB's {@code usersInfo} order
 * (by db, then user). Thread-safe. Each entry also keeps the user's {@code usersInfo} document,
 * built once per change, so that {@code usersInfo} with a {@code filter} over many thousands of
 * users does no per-request conversion work.
 */
public final class UserStore {

    private final ConcurrentSkipListMap<UserId, Entry> users = new ConcurrentSkipListMap<>();

    /**
     * A user plus its {@code usersInfo} list view, computed once per change and never modified
     * afterwards (a change replaces the entry), so readers may share it.
     */
    record Entry(StoredUser user, Document listView) {
    }

    public Optional<StoredUser> find(UserId id) {
        Entry entry = users.get(id);
        return entry == null ? Optional.empty() : Optional.of(entry.user());
    }

    public boolean contains(UserId id) {
        return users.containsKey(id);
    }

    /** Adds or replaces a user (seeding, like an init script that bypasses authorization). */
    public void put(StoredUser user) {
        users.put(user.id(), entry(user));
    }

    /** Adds a user unless one with the same (user, db) exists; returns whether it was added. */
    public boolean insert(StoredUser user) {
        return users.putIfAbsent(user.id(), entry(user)) == null;
    }

    /** Atomically changes an existing user; returns the new version, or empty when there is none. */
    public Optional<StoredUser> update(UserId id, UnaryOperator<StoredUser> change) {
        Entry updated = users.computeIfPresent(id, (key, old) -> entry(change.apply(old.user())));
        return updated == null ? Optional.empty() : Optional.of(updated.user());
    }

    public boolean remove(UserId id) {
        return users.remove(id) != null;
    }

    public int size() {
        return users.size();
    }

    /** What a replica-set member has applied so far: the same entries (they are immutable), frozen. */
    UserStore copy() {
        UserStore copy = new UserStore();
        copy.users.putAll(users);
        return copy;
    }

    /** Every user, ordered by db then user name. */
    public List<StoredUser> all() {
        return users.values().stream().map(Entry::user).toList();
    }

    /** The users of one database, ordered by name; a range scan, not a full one. */
    public List<StoredUser> inDatabase(String db) {
        return entriesIn(db).stream().map(Entry::user).toList();
    }

    /** Removes {@code role} from every user that holds it (what {@code dropRole} does). */
    public void revokeRoleEverywhere(RoleId role) {
        List<UserId> holders = users.values().stream().map(Entry::user)
                .filter(user -> user.roles().contains(role)).map(StoredUser::id).toList();
        for (UserId id : holders) {
            update(id, user -> user.withRoles(user.roles().stream().filter(r -> !r.equals(role)).toList()));
        }
    }

    Optional<Entry> entry(UserId id) {
        return Optional.ofNullable(users.get(id));
    }

    Collection<Entry> entriesIn(String db) {
        return entriesIn(db, UserNameRange.ALL);
    }

    /** The users of {@code db} whose names lie in {@code names}: a range scan of the sorted map. */
    Collection<Entry> entriesIn(String db, UserNameRange names) {
        Objects.requireNonNull(db, "db");
        if (names.isEmpty()) {
            return List.of();
        }
        UserId low = names.from() == null ? new UserId("\u0000", db) : new UserId(names.from(), db);
        boolean lowInclusive = names.from() == null || names.fromInclusive();
        ConcurrentNavigableMap<UserId, Entry> range = names.to() == null
                ? users.subMap(low, lowInclusive, new UserId("\u0000", db + "\u0000"), false)
                : users.subMap(low, lowInclusive, new UserId(names.to(), db), names.toInclusive());
        return range.values();
    }

    Collection<Entry> allEntries() {
        return users.values();
    }

    private static Entry entry(StoredUser user) {
        return new Entry(user, UserDocuments.listView(user));
    }
}
