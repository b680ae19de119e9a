package dev.autouser.sandbox;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import dev.autouser.sandbox.security.UserId;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who opened each cursor. MongoDB lets only the users that created a cursor continue it with
 * {@code getMore} (the creating command was authorized already), so {@code getMore} on a known
 * cursor by anyone else is refused.
 */
final class CursorOwners {
    private final Map<Long, Set<UserId>> owners = new ConcurrentHashMap<>();

    /** Remembers the owner when a reply opens a cursor ({@code cursor.id != 0}). */
    void remember(Document reply, List<UserId> users) {
        if (reply.get("cursor") instanceof Document cursor && cursor.get("id") instanceof Number id
                && id.longValue() != 0) {
            owners.put(id.longValue(), new HashSet<>(users));
        }
    }

    /** Throws 13 when {@code command} is a getMore on a cursor another user opened. */
    void checkGetMore(Document command, List<UserId> users) {
        if (!(command.get("getMore") instanceof Number id)) {
            return;
        }
        Set<UserId> owner = owners.get(id.longValue());
        if (owner == null) {
            return;
        }
        if (!owner.equals(new HashSet<>(users))) {
            throw new MongoServerError(13, "Unauthorized",
                    "cursor id " + id.longValue() + " was not created by the authenticated user");
        }
    }

    /** Throws 13 when {@code command} is a killCursors naming a cursor another user opened. */
    void checkKillCursors(Document command, List<UserId> users) {
        if (!(command.get("cursors") instanceof List<?> ids)) {
            return;
        }
        for (Object id : ids) {
            Set<UserId> owner = id instanceof Number n ? owners.get(n.longValue()) : null;
            if (owner != null && !owner.equals(new HashSet<>(users))) {
                throw new MongoServerError(13, "Unauthorized", "not authorized to kill cursor " + id);
            }
        }
    }

    /** Forgets cursors the reply shows as exhausted. */
    void forgetExhausted(Document command, Document reply) {
        if (command.get("getMore") instanceof Number id && reply.get("cursor") instanceof Document cursor
                && cursor.get("id") instanceof Number next && next.longValue() == 0) {
            owners.remove(id.longValue());
        }
        if (command.get("cursors") instanceof List<?> killed && command.containsKey("killCursors")) {
            killed.forEach(cursorId -> owners.remove(((Number) cursorId).longValue()));
        }
    }
}
