package dev.autouser.core.evidence;

import dev.autouser.core.engine.Engine;
import dev.autouser.core.history.Activity;
import dev.autouser.core.history.ActivitySink;
import dev.autouser.core.history.EvidenceSource;
import dev.autouser.core.history.TeleportDeactivation;
import dev.autouser.core.history.UserKey;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Per database user, what Teleport's audit events say: folded while the events stream by, so the
 * memory is one small value per user whatever the size of the log. Events may come in any order
 * (the web UI lists newest first): each fact keeps the latest time.
 */
public final class TeleportActivity {
    private final Map<String, Fold> users = new TreeMap<>();

    /** The result of one import: per-user activity and what was read. */
    public record Import(Map<String, TeleportUserActivity> byMongoName, TeleportImportCounts counts) {
        public Import {
            byMongoName = Collections.unmodifiableMap(new LinkedHashMap<>(byMongoName));
        }
    }

    public static Import read(Reader input) throws IOException {
        return read(input, event -> true);
    }

    /** Only the events {@code wanted} keeps (one database service, one engine) count for the users. */
    public static Import read(Reader input, java.util.function.Predicate<TeleportAuditEvent> wanted) throws IOException {
        TeleportActivity activity = new TeleportActivity();
        TeleportImportCounts counts = TeleportAuditReader.read(input, event -> {
            if (wanted.test(event)) {
                activity.add(event);
            }
        });
        return new Import(activity.byMongoName(), counts);
    }

    /**
     * The history's sightings: per user with a known last session, one Teleport-audit activity (app =
     * the Teleport user). {@code server} is the history's name of the database server.
     */
    public static List<ActivitySink.Sighting> sightings(Import imported, String server) {
        return sightings(imported, server, Engine.MONGODB);
    }

    /** The same for {@code engine}'s users: PostgreSQL's role is the database user Teleport logged, MongoDB's its CN= name. */
    public static List<ActivitySink.Sighting> sightings(Import imported, String server, Engine engine) {
        List<ActivitySink.Sighting> sightings = new ArrayList<>();
        imported.byMongoName().forEach((name, user) -> user.lastSeen().ifPresent(at -> sightings.add(
                new ActivitySink.Sighting(key(server, engine, user),
                        new Activity(at, EvidenceSource.TELEPORT_AUDIT, user.teleportUser(), "")))));
        return sightings;
    }

    /** Each user's latest Teleport lock or drop (failed or not), for {@code engine}'s history. */
    public static List<ActivitySink.Deactivated> deactivations(Import imported, String server, Engine engine) {
        List<ActivitySink.Deactivated> deactivations = new ArrayList<>();
        imported.byMongoName().forEach((name, user) -> user.lastDeactivation().ifPresent(d -> deactivations.add(
                new ActivitySink.Deactivated(key(server, engine, user),
                        new TeleportDeactivation(d.time(), d.success(), d.deleted(), d.error())))));
        return deactivations;
    }

    /** Each user's Teleport user and roles as the latest event naming them told it, for {@code engine}'s history. */
    public static List<ActivitySink.Identified> identities(Import imported, String server, Engine engine) {
        List<ActivitySink.Identified> identities = new ArrayList<>();
        imported.byMongoName().forEach((name, user) -> user.identity().ifPresent(identity -> identities.add(
                new ActivitySink.Identified(key(server, engine, user), identity))));
        return identities;
    }

    private static UserKey key(String server, Engine engine, TeleportUserActivity user) {
        return new UserKey(server, engine == Engine.POSTGRESQL ? UserKey.POSTGRESQL : UserKey.MONGODB, user.nameIn(engine));
    }

    public void add(TeleportAuditEvent event) {
        users.computeIfAbsent(event.databaseUser(), Fold::new).add(event);
    }

    public Map<String, TeleportUserActivity> byMongoName() {
        Map<String, TeleportUserActivity> result = new LinkedHashMap<>();
        users.values().forEach(fold -> {
            TeleportUserActivity activity = fold.activity();
            result.put(activity.mongoName(), activity);
        });
        return result;
    }

    private static final class Fold {
        private final String databaseUser;
        private Instant lastSeen;
        private Instant lastIdentity = Instant.MIN;
        private String teleportUser = "";
        private List<String> teleportRoles = List.of();
        private List<String> databaseRoles = List.of();
        private TeleportUserActivity.Deactivation deactivation;
        private Instant lastCreate = Instant.MIN;
        private Instant lastCreateFailureAt = Instant.MIN;
        private String lastCreateFailure;

        Fold(String databaseUser) {
            this.databaseUser = databaseUser;
        }

        void add(TeleportAuditEvent event) {
            switch (event.kind()) {
                case SESSION_START, SESSION_END -> {
                    // A refused start (TDB00W) is not use: the person never got in.
                    if (event.success()) {
                        seen(event.time());
                    }
                }
                case USER_CREATE -> {
                    if (event.success()) {
                        lastCreate = max(lastCreate, event.time());
                    } else if (event.time().isAfter(lastCreateFailureAt)) {
                        lastCreateFailureAt = event.time();
                        lastCreateFailure = event.error();
                    }
                }
                case USER_DEACTIVATE -> {
                    if (deactivation == null || event.time().isAfter(deactivation.time())) {
                        deactivation = new TeleportUserActivity.Deactivation(event.time(), event.success(),
                                event.deleted(), event.error());
                    }
                }
            }
            if (!event.teleportUser().isEmpty() && !event.time().isBefore(lastIdentity)) {
                lastIdentity = event.time();
                teleportUser = event.teleportUser();
                if (!event.teleportRoles().isEmpty()) {
                    teleportRoles = event.teleportRoles();
                }
                if (!event.databaseRoles().isEmpty()) {
                    databaseRoles = event.databaseRoles();
                }
            }
        }

        private void seen(Instant time) {
            lastSeen = lastSeen == null || time.isAfter(lastSeen) ? time : lastSeen;
        }

        private static Instant max(Instant a, Instant b) {
            return a.isAfter(b) ? a : b;
        }

        TeleportUserActivity activity() {
            Optional<String> createFailure = lastCreateFailure != null && lastCreateFailureAt.isAfter(lastCreate)
                    ? Optional.of(lastCreateFailure) : Optional.empty();
            return new TeleportUserActivity(databaseUser, Optional.ofNullable(lastSeen), teleportUser,
                    new ArrayList<>(teleportRoles), databaseRoles, Optional.ofNullable(deactivation), createFailure,
                    lastIdentity.equals(Instant.MIN) ? Optional.empty() : Optional.of(lastIdentity));
        }
    }
}
