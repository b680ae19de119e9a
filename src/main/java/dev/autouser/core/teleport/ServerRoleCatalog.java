package dev.autouser.core.teleport;

import dev.autouser.core.mongo.MongoErrors;
import dev.autouser.core.mongo.CommandRunner;
import dev.autouser.core.ConsoleException;
import org.bson.Document;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The roles a server defines, read with one {@code rolesInfo: 1, showBuiltinRoles: true} per
 * database (never per entry), cached; safe to share between background threads. A refusal (no {@code viewRole}) becomes "unknown", never "absent".
 */
public final class ServerRoleCatalog implements RoleCatalog {
    private final CommandRunner server;
    private final Map<String, Optional<Set<String>>> cache = new HashMap<>();
    private int roundTrips;

    public ServerRoleCatalog(CommandRunner server) {
        this.server = server;
    }

    @Override
    public synchronized Optional<Set<String>> rolesIn(String db) {
        return cache.computeIfAbsent(db, this::load);
    }

    @Override
    public synchronized void forget() {
        cache.clear();
    }

    /** How many rolesInfo calls were made, for tests that guard against per-entry round trips. */
    public synchronized int roundTrips() {
        return roundTrips;
    }

    private Optional<Set<String>> load(String db) {
        roundTrips++;
        try {
            Document reply = server.run(db, new Document("rolesInfo", 1).append("showBuiltinRoles", true));
            Set<String> names = new TreeSet<>();
            for (Document role : reply.getList("roles", Document.class, List.of())) {
                names.add(role.getString("role"));
            }
            return Optional.of(names);
        } catch (ConsoleException e) {
            if (MongoErrors.isUnauthorized(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
