package dev.autouser.sandbox;

import dev.autouser.core.history.HistoryStore;
import dev.autouser.core.history.ObservedListing;
import dev.autouser.core.history.ObservedUser;
import dev.autouser.core.history.UserKey;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Four days of plausible usage history for the demo's users, recorded as the console would have
 * recorded them (a listing every 15 minutes) and marked as demo data, so the Users page shows ages
 * and a chart from the first minute. Deterministic (one seed per user). The story it tells: people
 * work in sessions during the day through two Teleport database agents ({@code 10.0.1.15},
 * {@code 10.0.1.16}), and Teleport locks each user when its session ends (keep mode); yesterday at
 * 14:10 the second agent restarted, so the users whose sessions it held were never locked (not
 * cleaned up since then); a few more were not cleaned up after sessions in mode off; two existed
 * before the history began and were never seen active.
 */
public final class DemoHistory {
    static final Duration SPAN = Duration.ofDays(4);
    static final Duration EVERY = Duration.ofMinutes(15);
    private static final List<String> APPS = List.of("mongosh 2.3.1", "MongoDB Compass", "DataGrip 2024.3",
            "pymongo 4.10", "Studio 3T");
    private static final List<String> RESTARTED_AGENT = List.of("ivan", "judy", "mallory", "niaj", "olivia", "peggy");
    private static final List<String> NEVER_SEEN = List.of("remote-walter-root-us", "remote-yara-root-eu");

    private DemoHistory() {
    }

    /** Replaces any earlier demo history with four days ending at {@code now}, for the demo server's hosts. */
    public static void seed(HistoryStore store, String server, List<DemoData.DemoUser> users, Instant now) {
        store.forgetDemoServers();
        store.recordAll(listings(server, users, now));
        store.markDemo(server, UserKey.MONGODB);
    }

    /**
     * Seeds the history file for a running demo; a failure is logged and returned as one sentence, never
     * thrown (the demo runs without a seeded history then).
     */
    public static java.util.Optional<String> seedFile(java.nio.file.Path historyFile, RunningDemo demo, Instant now) {
        try (HistoryStore store = HistoryStore.open(historyFile)) {
            seed(store, dev.autouser.core.history.ServerName.fromUri(demo.connectionString()), demo.seeded().autoUsers(), now);
            return java.util.Optional.empty();
        } catch (java.sql.SQLException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(DemoHistory.class).warn("Seeding the demo's usage history failed", e);
            return java.util.Optional.of("The demo's usage history could not be seeded (" + e.getMessage() + ").");
        }
    }

    static List<ObservedListing> listings(String server, List<DemoData.DemoUser> users, Instant now) {
        Instant end = now.truncatedTo(ChronoUnit.MINUTES).minus(EVERY);
        Instant start = end.minus(SPAN);
        Instant agentRestart = end.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1)).plus(Duration.ofMinutes(14 * 60 + 10));
        List<Life> lives = users.stream().map(u -> Life.of(u, start, end, agentRestart)).toList();
        List<ObservedListing> listings = new ArrayList<>();
        for (Instant at = start; !at.isAfter(end); at = at.plus(EVERY)) {
            List<ObservedUser> shown = new ArrayList<>();
            for (Life life : lives) {
                ObservedUser user = life.at(at);
                if (user != null) {
                    shown.add(user);
                }
            }
            listings.add(new ObservedListing(server, UserKey.MONGODB, at, shown));
        }
        return listings;
    }

    /** One user's sessions over the span and what happens after its last one. */
    private record Life(String mongoName, Instant exists, List<Instant[]> sessions, boolean lockedAfterLast,
                        String app, String client) {
        static Life of(DemoData.DemoUser user, Instant start, Instant end, Instant agentRestart) {
            String name = user.teleportName();
            Random random = new Random(name.hashCode() * 31L + 17);
            String app = APPS.get(random.nextInt(APPS.size()));
            boolean secondAgent = RESTARTED_AGENT.contains(name);
            String client = (secondAgent ? "10.0.1.16:" : "10.0.1.15:") + (40000 + random.nextInt(20000));
            if (NEVER_SEEN.contains(name)) {
                return new Life("CN=" + name, start, List.of(), false, app, client);
            }
            List<Instant[]> sessions = new ArrayList<>();
            Instant lastEnd = switch (user.state()) {
                case ACTIVE -> end;
                case LOCKED -> end.minus(Duration.ofHours(3 + random.nextInt(60)));
                case NOT_CLEANED_UP -> secondAgent ? agentRestart : end.minus(Duration.ofHours(2 + random.nextInt(40)));
            };
            // working days of sessions, 1-3 a day of 30-150 minutes, between 08:00 and 18:00 UTC
            for (Instant day = start.truncatedTo(ChronoUnit.DAYS); day.isBefore(lastEnd); day = day.plus(Duration.ofDays(1))) {
                int count = 1 + random.nextInt(3);
                for (int i = 0; i < count; i++) {
                    Instant from = day.plus(Duration.ofMinutes(8 * 60 + random.nextInt(9 * 60)));
                    Instant to = from.plus(Duration.ofMinutes(30 + random.nextInt(120)));
                    if (from.isAfter(start) && to.isBefore(lastEnd)) {
                        sessions.add(new Instant[] {from, to});
                    }
                }
            }
            // the last session ends at lastEnd (still running for an active user)
            sessions.add(new Instant[] {lastEnd.minus(Duration.ofMinutes(40 + random.nextInt(80))),
                    user.state() == DemoData.DemoState.ACTIVE ? end.plus(Duration.ofDays(1)) : lastEnd});
            sessions.sort(java.util.Comparator.comparing(s -> s[0]));
            Instant exists = sessions.get(0)[0].minus(Duration.ofDays(random.nextInt(2) == 0 ? 0 : 10));
            return new Life("CN=" + name, exists.isBefore(start) ? start : sessions.get(0)[0], sessions,
                    user.state() != DemoData.DemoState.NOT_CLEANED_UP, app, client);
        }

        /** The user as a listing at {@code at} shows it; null before Teleport created it. */
        ObservedUser at(Instant at) {
            if (at.isBefore(exists)) {
                return null;
            }
            Instant[] last = null;
            for (Instant[] session : sessions) {
                if (!at.isBefore(session[0]) && at.isBefore(session[1])) {
                    return new ObservedUser(mongoName, false, List.of(new ObservedUser.Session(app, client)));
                }
                if (!at.isBefore(session[1])) {
                    last = session;
                }
            }
            boolean afterLastSession = last != null && last == sessions.get(sessions.size() - 1);
            if (sessions.isEmpty() || afterLastSession && !lockedAfterLast) {
                return new ObservedUser(mongoName, false, List.of()); // not cleaned up
            }
            return new ObservedUser(mongoName, true, List.of()); // Teleport locked it when its session ended
        }
    }
}
