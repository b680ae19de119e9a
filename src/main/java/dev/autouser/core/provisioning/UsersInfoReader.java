package dev.autouser.core.provisioning;

import dev.autouser.core.mongo.ConsoleException;
import dev.autouser.core.mongo.MongoErrors;
import dev.autouser.core.mongo.MongoGateway;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads users with as few usersInfo calls as the 16 MB reply limit allows. The tagged listing
 * starts with one call over all names and splits the name range whenever the server answers
 * BSONObjectTooLarge (10334); the exact-match call for lock state is batched from the measured
 * size per user, and halves a batch that is still refused.
 */
final class UsersInfoReader {
    /** Aim well below 16 MB so that growth between calls does not push a reply over. */
    static final long TARGET_REPLY_BYTES = 8L * 1024 * 1024;
    /** Restrictions and request overhead a user adds in the exact-match call. */
    private static final long EXTRA_BYTES_PER_USER = 128;
    private static final DocumentCodec CODEC = new DocumentCodec();

    private final MongoGateway gateway;
    private final boolean showCustomData;
    private long bytesPerUser = 256;

    UsersInfoReader(MongoGateway gateway) {
        this.gateway = gateway;
        this.showCustomData = gateway.facts().version().hasShowCustomData();
    }

    /** Every user tagged {@code customData.teleport-auto-user: true} in $external. */
    List<Document> taggedUsers() {
        List<Document> users = new ArrayList<>();
        long bytes = 0;
        Deque<NameRange> pending = new ArrayDeque<>(List.of(NameRange.all()));
        while (!pending.isEmpty()) {
            NameRange range = pending.pop();
            RawBsonDocument reply;
            try {
                reply = gateway.runRaw(UserCommands.EXTERNAL, UserCommands.usersInfoAutoUsers(range, showCustomData),
                        "list auto-users");
            } catch (ConsoleException e) {
                List<NameRange> parts = e.hasServerCode(MongoErrors.BSON_OBJECT_TOO_LARGE) ? range.split() : List.of();
                if (parts.isEmpty()) {
                    throw e;
                }
                for (int i = parts.size() - 1; i >= 0; i--) {
                    pending.push(parts.get(i));
                }
                continue;
            }
            bytes += reply.getByteBuffer().remaining();
            users.addAll(usersOf(reply));
        }
        if (!users.isEmpty()) {
            bytesPerUser = Math.max(64, bytes / users.size());
        }
        return users;
    }

    /** The named users with authentication restrictions, keyed by name; missing users are absent. */
    Map<String, Document> withRestrictions(List<String> mongoNames) {
        Map<String, Document> byName = new HashMap<>();
        int batch = (int) Math.max(1, TARGET_REPLY_BYTES / (bytesPerUser + EXTRA_BYTES_PER_USER));
        int start = 0;
        while (start < mongoNames.size()) {
            List<String> names = mongoNames.subList(start, Math.min(mongoNames.size(), start + batch));
            RawBsonDocument reply;
            try {
                reply = gateway.runRaw(UserCommands.EXTERNAL, UserCommands.usersInfoExact(names, showCustomData),
                        "read the lock state of auto-users");
            } catch (ConsoleException e) {
                if (e.hasServerCode(MongoErrors.BSON_OBJECT_TOO_LARGE) && names.size() > 1) {
                    batch = Math.max(1, names.size() / 2);
                    continue;
                }
                throw e;
            }
            for (Document user : usersOf(reply)) {
                byName.put(user.getString("user"), user);
            }
            start += names.size();
        }
        return byName;
    }

    private static List<Document> usersOf(RawBsonDocument reply) {
        return reply.decode(CODEC).getList("users", Document.class, List.of());
    }
}
