package dev.autouser.sandbox.security;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code usersInfo} as MongoDB 7.0 runs it. Without privilege or restriction details it lists users
 * (all of a database, all databases, or exact names) sorted by user then db, drops
 * {@code customData} when {@code showCustomData: false}, then applies {@code filter} to what is left.
 * With {@code showPrivileges}/{@code showAuthenticationRestrictions} only exact names are allowed
 * (code 20 otherwise) and each user is described in full, in the order asked.
 *
 * <p>Listed user documents are the store's cached views, shared rather than copied (100,000 users
 * reply in milliseconds): the server encodes them and must not modify them. MongoDB's 16 MB reply
 * limit is the server's to enforce, as for every other reply.
 */
final class UsersInfoCommand {

    private static final Set<String> FIELDS = Set.of("showPrivileges", "showCredentials",
            "showAuthenticationRestrictions", "showCustomData", "authenticatedMechanism", "filter");
    private static final Set<String> FIELDS_BEFORE_5_2 = Set.of("showPrivileges", "showCredentials",
            "showAuthenticationRestrictions", "authenticatedMechanism", "filter");
    private static final Comparator<UserStore.Entry> BY_USER_THEN_DB = Comparator
            .comparing((UserStore.Entry e) -> e.user().id().user()).thenComparing(e -> e.user().id().db());

    private final SecurityState state;
    private final SandboxVersion version;

    UsersInfoCommand(SecurityState state, SandboxVersion version) {
        this.state = state;
        this.version = version;
    }

    Document run(String db, Document body) {
        UmcArgs.requireKnownFields("usersInfo", body, version.hasShowCustomData() ? FIELDS : FIELDS_BEFORE_5_2);
        UmcArgs.Target<UserId> target = UmcArgs.usersInfoTarget(body.get(UmcArgs.commandName(body, "usersInfo")), db);
        boolean showCustomData = UmcArgs.flag(body, "showCustomData", true);
        boolean showCredentials = UmcArgs.flag(body, "showCredentials", false);
        boolean showPrivileges = UmcArgs.flag(body, "showPrivileges", false);
        boolean showRestrictions = UmcArgs.flag(body, "showAuthenticationRestrictions", false);
        Object filter = body.get("filter");
        if (filter != null && !(filter instanceof Document)) {
            throw ServerErrors.wrongType("usersInfo", "filter", filter, " 'object'");
        }
        List<Document> users;
        if (showPrivileges || showRestrictions) {
            if (filter != null || !(target instanceof UmcArgs.Exact<UserId> exact)) {
                throw ServerErrors.illegalOperation(
                        "Privilege or restriction details require exact-match usersInfo queries");
            }
            users = describeExact(exact.names(), showCustomData, showPrivileges, showRestrictions);
            if (showCredentials) {
                users = users.stream().map(this::withCredentials).toList();
            }
        } else {
            users = list(select(target, db, (Document) filter), showCustomData, showCredentials, (Document) filter);
        }
        return new Document("users", users).append("ok", 1.0);
    }

    private Collection<UserStore.Entry> select(UmcArgs.Target<UserId> target, String db, Document filter) {
        if (target instanceof UmcArgs.AllOnDatabase) {
            return state.users().entriesIn(db, UserNameRange.of(filter));
        }
        List<UserStore.Entry> entries = new ArrayList<>();
        if (target instanceof UmcArgs.AllDatabases) {
            entries.addAll(state.users().allEntries());
        } else if (target instanceof UmcArgs.Exact<UserId> exact) {
            for (UserId id : new HashSet<>(exact.names())) {
                state.users().entry(id).ifPresent(entries::add);
            }
        }
        entries.sort(BY_USER_THEN_DB);
        return entries;
    }

    private List<Document> list(Collection<UserStore.Entry> entries, boolean showCustomData, boolean showCredentials,
                                Document filter) {
        Predicate<Document> matcher = filter == null ? null : UserFilter.of(filter);
        List<Document> result = new ArrayList<>();
        for (UserStore.Entry entry : entries) {
            Document view = entry.listView();
            if (!showCustomData && view.containsKey("customData")) {
                view = new Document(view);
                view.remove("customData");
            }
            if (showCredentials) {
                view = UserDocuments.withCredentials(view, entry.user());
            }
            if (matcher != null && !matcher.test(view)) {
                continue;
            }
            result.add(view);
        }
        return result;
    }

    private Document withCredentials(Document description) {
        UserId id = new UserId((String) description.get("user"), (String) description.get("db"));
        return state.users().find(id).map(user -> UserDocuments.withCredentials(description, user)).orElse(description);
    }

    private List<Document> describeExact(List<UserId> names, boolean showCustomData, boolean showPrivileges,
                                         boolean showRestrictions) {
        List<Document> result = new ArrayList<>();
        for (UserId id : names) {
            state.users().find(id).ifPresent(user -> result.add(
                    UserDescriptions.describe(state, user, showCustomData, showPrivileges, showRestrictions)));
        }
        return result;
    }
}
