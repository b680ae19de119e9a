package dev.autouser.core.provisioning;

import dev.autouser.core.ConsoleException;
import dev.autouser.core.mongo.MongoErrors;
import dev.autouser.core.mongo.MongoGateway;
import org.bson.Document;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.DecoderContext;
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
    /** Aim below 16 MB so that growth between calls does not push a reply over. */
    static final long EXACT_TARGET_BYTES = 12L * 1024 * 1024;
    private static final int EXACT_REPLY_FACTOR = 4;
    /** Request overhead a user adds in the exact-match call. */
    private static final long EXTRA_BYTES_PER_USER = 128;
    private static final DocumentCodec CODEC = new DocumentCodec();
    private static final DecoderContext DECODE = DecoderContext.builder().build();
    /** What listing reads from the tagged call: the rest (ids, mechanisms, roles) comes later or is not shown. */
    static final List<String> TAGGED_FIELDS = List.of("user", "customData");
    /** What listing reads from the exact-match call (customData came with the tagged call). */
    static final List<String> LISTING_FIELDS = List.of("user", "db", "roles", "authenticationRestrictions");

    private final MongoGateway gateway;
    private final boolean showCustomData;
    private long bytesPerUser = 256;

    UsersInfoReader(MongoGateway gateway) {
        this.gateway = gateway;
        this.showCustomData = gateway.version().hasShowCustomData();
    }

    /**
     * Every user tagged {@code customData.teleport-auto-user: true} in $external, reading the
     * given pages (normally one for everything) and splitting any the server refuses as too large.
     */
    List<Document> taggedUsers(List<UserPage> startPages) {
        List<Document> users = new ArrayList<>();
        long bytes = 0;
        Deque<UserPage> pending = new ArrayDeque<>(startPages);
        while (!pending.isEmpty()) {
            UserPage page = pending.pop();
            RawBsonDocument reply;
            try {
                reply = gateway.runRaw(UserCommands.EXTERNAL, UserCommands.usersInfoAutoUsers(page, showCustomData),
                        "list auto-users");
            } catch (ConsoleException e) {
                List<UserPage> parts = e.hasServerCode(MongoErrors.BSON_OBJECT_TOO_LARGE) ? page.split() : List.of();
                if (parts.isEmpty()) {
                    throw e;
                }
                for (int i = parts.size() - 1; i >= 0; i--) {
                    pending.push(parts.get(i));
                }
                continue;
            }
            bytes += reply.getByteBuffer().remaining();
            users.addAll(usersOf(reply, TAGGED_FIELDS));
        }
        if (!users.isEmpty()) {
            bytesPerUser = Math.max(64, bytes / users.size());
        }
        return users;
    }

    /** Measured size of one user in the tagged listing's replies (bytes). */
    long bytesPerUser() {
        return bytesPerUser;
    }

    /**
     * The named users with authentication restrictions, keyed by name; missing users are absent.
     * Exact-match replies are bigger than filtered ones (servers add inherited roles and
     * restrictions), so the first batch assumes four times the filtered size per user and later
     * batches are sized from what the previous reply actually weighed.
     */
    Map<String, Document> withRestrictions(List<String> mongoNames) {
        return withRestrictions(mongoNames, true);
    }

    /**
     * Like {@link #withRestrictions(List)}; without {@code customData} (from 5.2) the server skips
     * the full description (inherited privileges), which makes replies several times smaller.
     * Listing takes customData from the tagged call instead, and keeps only {@link #LISTING_FIELDS};
     * re-checks before a change ask for customData and keep whole user documents.
     */
    Map<String, Document> withRestrictions(List<String> mongoNames, boolean withCustomData) {
        boolean showCustomData = withCustomData && this.showCustomData;
        boolean hideCustomData = !withCustomData && this.showCustomData;
        Map<String, Document> byName = new HashMap<>();
        long perUser = bytesPerUser * EXACT_REPLY_FACTOR + EXTRA_BYTES_PER_USER;
        int start = 0;
        int refusedBatch = Integer.MAX_VALUE;
        while (start < mongoNames.size()) {
            int batch = (int) Math.max(1, Math.min(refusedBatch - 1L, EXACT_TARGET_BYTES / perUser));
            List<String> names = mongoNames.subList(start, Math.min(mongoNames.size(), start + batch));
            RawBsonDocument reply;
            try {
                reply = gateway.runRaw(UserCommands.EXTERNAL,
                        UserCommands.usersInfoExact(names, showCustomData, hideCustomData),
                        "read the lock state of auto-users");
            } catch (ConsoleException e) {
                if (e.hasServerCode(MongoErrors.BSON_OBJECT_TOO_LARGE) && names.size() > 1) {
                    refusedBatch = names.size() / 2 + 1;
                    continue;
                }
                throw e;
            }
            List<Document> users = usersOf(reply, withCustomData ? null : LISTING_FIELDS);
            for (Document user : users) {
                byName.put(user.getString("user"), user);
            }
            if (!users.isEmpty()) {
                perUser = Math.max(64, reply.getByteBuffer().remaining() / users.size()) + EXTRA_BYTES_PER_USER;
            }
            start += names.size();
        }
        return byName;
    }

    /**
     * The reply's users, decoded one at a time from the raw reply and only the {@code fields} asked
     * for (all when null): at 100,000 users, fully decoded replies would hold every user's ids,
     * mechanisms and inherited roles a second time next to the raw bytes.
     */
    static List<Document> usersOf(RawBsonDocument reply, List<String> fields) {
        if (!(reply.get("users") instanceof BsonArray array)) {
            return List.of();
        }
        List<Document> users = new ArrayList<>(array.size());
        for (BsonValue value : array) {
            if (!value.isDocument()) {
                continue;
            }
            BsonDocument user = value.asDocument();
            if (fields != null) {
                BsonDocument wanted = new BsonDocument();
                for (String field : fields) {
                    BsonValue fieldValue = user.get(field);
                    if (fieldValue != null) {
                        wanted.put(field, fieldValue);
                    }
                }
                user = wanted;
            }
            users.add(CODEC.decode(new BsonDocumentReader(user), DECODE));
        }
        return users;
    }
}
