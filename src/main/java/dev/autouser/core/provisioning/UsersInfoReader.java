package dev.autouser.core.provisioning;

import dev.autouser.core.ConsoleException;
import dev.autouser.core.mongo.MongoErrors;
import dev.autouser.core.mongo.MongoGateway;
import org.bson.BsonBinaryReader;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonTypeClassMap;
import org.bson.codecs.BsonTypeCodecMap;
import org.bson.codecs.BsonValueCodecProvider;
import org.bson.codecs.CollectionCodecProvider;
import org.bson.codecs.DocumentCodecProvider;
import org.bson.codecs.IterableCodecProvider;
import org.bson.codecs.MapCodecProvider;
import org.bson.codecs.ValueCodecProvider;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;
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
    /** DocumentCodec's own default registry, so that a field decodes as DocumentCodec would decode it. */
    private static final CodecRegistry REGISTRY = CodecRegistries.fromProviders(new ValueCodecProvider(),
            new CollectionCodecProvider(), new IterableCodecProvider(), new BsonValueCodecProvider(),
            new DocumentCodecProvider(), new MapCodecProvider());
    private static final DocumentCodec CODEC = new DocumentCodec(REGISTRY);
    /** The codec for a value of each BSON type, as DocumentCodec picks it. */
    private static final BsonTypeCodecMap VALUES = new BsonTypeCodecMap(new BsonTypeClassMap(), REGISTRY);
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
     * The reply's users, decoded in one pass over the raw reply, each user straight into a
     * {@link Document} of only the {@code fields} asked for (all when null), skipping the rest
     * unread: at 100,000 users no second copy of every user (ids, mechanisms, inherited roles) is
     * built, and no field is looked for more than once. Values decode to the same Java types as
     * {@link DocumentCodec} gives them.
     */
    static List<Document> usersOf(RawBsonDocument reply, List<String> fields) {
        List<Document> users = new ArrayList<>();
        try (BsonBinaryReader reader = new BsonBinaryReader(reply.getByteBuffer().asNIO())) {
            reader.readStartDocument();
            boolean read = false;
            while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                String name = reader.readName();
                if (read || !"users".equals(name) || reader.getCurrentBsonType() != BsonType.ARRAY) {
                    reader.skipValue(); // the first "users" array counts, as a lookup by name finds it
                    continue;
                }
                read = true;
                reader.readStartArray();
                while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                    if (reader.getCurrentBsonType() != BsonType.DOCUMENT) {
                        reader.skipValue();
                    } else {
                        users.add(fields == null ? CODEC.decode(reader, DECODE) : fieldsOf(reader, fields));
                    }
                }
                reader.readEndArray();
            }
        }
        return users;
    }

    /** The current user document's {@code fields}, read where they stand; the reader is left after it. */
    private static Document fieldsOf(BsonReader reader, List<String> fields) {
        Document user = new Document();
        reader.readStartDocument();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            String name = reader.readName();
            if (!fields.contains(name) || user.containsKey(name)) {
                reader.skipValue(); // the first of a repeated field counts, as a lookup by name finds it
            } else if (reader.getCurrentBsonType() == BsonType.NULL) {
                reader.readNull();
                user.put(name, null);
            } else {
                user.put(name, VALUES.get(reader.getCurrentBsonType()).decode(reader, DECODE));
            }
        }
        reader.readEndDocument();
        return user;
    }
}
