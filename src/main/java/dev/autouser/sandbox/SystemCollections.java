package dev.autouser.sandbox;

import de.bwaldvogel.mongo.bson.Document;
import dev.autouser.sandbox.security.SecurityState;
import dev.autouser.sandbox.security.SystemDocuments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads of {@code admin.system.users} and {@code admin.system.roles} ({@code find}, {@code count},
 * {@code aggregate}), answered from the live user and role stores as mongod answers them from its
 * collections: MongoDB's own "list users" tutorial reads them with {@code db.system.users.find()}.
 * Privileges are checked before (find on the collection, which root and userAdminAnyDatabase hold).
 */
final class SystemCollections {
    private static final Map<String, Function<SecurityState, List<Document>>> COLLECTIONS = Map.of(
            "system.users", SystemDocuments::users, "system.roles", SystemDocuments::roles);

    private final SecurityState security;
    private final BiFunction<List<Document>, List<Document>, List<Document>> runStages;
    private final BiFunction<List<Document>, Document, Document> cursorReply;

    SystemCollections(SecurityState security, BiFunction<List<Document>, List<Document>, List<Document>> runStages,
                      BiFunction<List<Document>, Document, Document> cursorReply) {
        this.security = security;
        this.runStages = runStages;
        this.cursorReply = cursorReply;
    }

    /** Whether this is a read of one of the two collections on {@code admin}. */
    static boolean handles(String db, String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        return db.equals("admin") && (name.equals("find") || name.equals("count") || name.equals("aggregate"))
                && query.get(command) instanceof String collection && COLLECTIONS.containsKey(collection);
    }

    Document handle(String command, Document query) {
        String collection = (String) query.get(command);
        List<Document> documents = COLLECTIONS.get(collection).apply(security);
        String ns = "admin." + collection;
        return switch (command.toLowerCase(Locale.ROOT)) {
            case "count" -> new Document("n", run(documents, findStages(query, false)).size()).append("ok", 1.0);
            case "aggregate" -> withNamespace(cursorReply.apply(run(documents, pipeline(query)),
                    query.get("cursor") instanceof Document c ? c : new Document()), ns);
            default -> withNamespace(cursorReply.apply(run(documents, findStages(query, true)),
                    new Document("batchSize", query.getOrDefault("batchSize", 101))), ns);
        };
    }

    private List<Document> run(List<Document> documents, List<Document> stages) {
        return stages.isEmpty() ? documents : runStages.apply(stages, documents);
    }

    private static List<Document> findStages(Document query, boolean withProjection) {
        List<Document> stages = new ArrayList<>();
        addIfPresent(stages, "$match", query.get("filter") != null ? query.get("filter") : query.get("query"));
        addIfPresent(stages, "$sort", query.get("sort"));
        addIfPresent(stages, "$skip", positive(query.get("skip")));
        addIfPresent(stages, "$limit", positive(query.get("limit")));
        if (withProjection) {
            addIfPresent(stages, "$project", query.get("projection"));
        }
        return stages;
    }

    @SuppressWarnings("unchecked")
    private static List<Document> pipeline(Document query) {
        return query.get("pipeline") instanceof List<?> stages ? (List<Document>) stages : List.of();
    }

    private static Object positive(Object value) {
        return value instanceof Number n && n.longValue() > 0 ? n : null;
    }

    private static void addIfPresent(List<Document> stages, String stage, Object value) {
        if (value instanceof Document document && !document.isEmpty()) {
            stages.add(new Document(stage, document));
        } else if (value instanceof Number) {
            stages.add(new Document(stage, value));
        }
    }

    private static Document withNamespace(Document reply, String ns) {
        if (reply.get("cursor") instanceof Document cursor) {
            cursor.put("ns", ns);
        }
        return reply;
    }
}
