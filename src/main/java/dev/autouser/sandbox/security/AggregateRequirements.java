package dev.autouser.sandbox.security;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MongoDB's privileges for an aggregation: {@code find} on the collection unless the pipeline starts
 * with a stage that produces its own documents, plus what each stage needs ({@code $currentOp} with
 * {@code allUsers: true} needs {@code inprog} on the cluster, {@code $lookup} needs {@code find} on
 * the joined collection, {@code $out}/{@code $merge} need write actions on the target, ...).
 */
final class AggregateRequirements {

    private static final Set<String> INITIAL_SOURCES = Set.of("$currentOp", "$listLocalSessions",
            "$listSessions", "$collStats", "$indexStats", "$documents", "$changeStream", "$planCacheStats",
            "$listSearchIndexes", "$listCatalog", "$listCachedAndActiveUsers", "$queryStats",
            "$shardedDataDistribution", "$listSampledQueries");

    private AggregateRequirements() {
    }

    static void check(AuthzSession session, String db, Document body) {
        Object target = body.get(UmcArgs.commandName(body, "aggregate"));
        String collection = target instanceof String name ? name : null;
        if (!(body.get("pipeline") instanceof List<?> pipeline)) {
            throw new NotAuthorized("aggregate needs a pipeline array");
        }
        if (collection == null && !(target instanceof Number)) {
            throw new NotAuthorized("aggregate needs a collection name or 1");
        }
        checkPipeline(session, db, collection, pipeline);
    }

    private static void checkPipeline(AuthzSession session, String db, String collection, List<?> pipeline) {
        if (collection != null && (pipeline.isEmpty() || !INITIAL_SOURCES.contains(stageName(pipeline.get(0))))) {
            session.requireOnCollection(db, collection, "find");
        }
        for (Object stage : pipeline) {
            checkStage(session, db, collection, stage);
        }
    }

    private static void checkStage(AuthzSession session, String db, String collection, Object stage) {
        String name = stageName(stage);
        Object spec = ((Map<?, ?>) stage).get(name);
        switch (name) {
            case "$currentOp" -> requireIfAllUsers(session, spec, "inprog");
            case "$listLocalSessions", "$listSessions" -> requireIfAllUsers(session, spec, "listSessions");
            case "$collStats" -> session.requireOnCollection(db, nonNull(collection), "collStats");
            case "$indexStats" -> session.requireOnCollection(db, nonNull(collection), "indexStats");
            case "$planCacheStats" -> session.requireOnCollection(db, nonNull(collection), "planCacheRead");
            case "$changeStream" -> changeStream(session, db, collection);
            case "$lookup", "$graphLookup" -> joined(session, db, spec, "from");
            case "$unionWith" -> unionWith(session, db, spec);
            case "$facet" -> facet(session, db, collection, spec);
            case "$out" -> write(session, db, spec, List.of("insert", "remove"));
            case "$merge" -> write(session, db, spec, List.of("insert", "update"));
            default -> {
                // Other stages only transform documents already read.
            }
        }
    }

    private static void requireIfAllUsers(AuthzSession session, Object spec, String action) {
        if (spec instanceof Map<?, ?> options && Boolean.TRUE.equals(options.get("allUsers"))) {
            session.requireOnCluster(action);
        }
    }

    private static void changeStream(AuthzSession session, String db, String collection) {
        if (collection == null) {
            session.requireOnDatabase(db, "changeStream");
            session.requireOnDatabase(db, "find");
        } else {
            session.requireOnCollection(db, collection, "changeStream");
            session.requireOnCollection(db, collection, "find");
        }
    }

    private static void joined(AuthzSession session, String db, Object spec, String field) {
        if (!(spec instanceof Map<?, ?> options)) {
            throw new NotAuthorized("malformed join stage");
        }
        Object from = options.get(field);
        String foreign = from instanceof String name ? name : collectionOf(from);
        if (foreign != null) {
            session.requireOnCollection(db, foreign, "find");
        }
        if (options.get("pipeline") instanceof List<?> nested) {
            checkPipeline(session, db, null, nested);
        }
    }

    private static void unionWith(AuthzSession session, String db, Object spec) {
        if (spec instanceof String name) {
            session.requireOnCollection(db, name, "find");
        } else if (spec instanceof Map<?, ?> options) {
            String coll = options.get("coll") instanceof String name ? name : null;
            if (options.get("pipeline") instanceof List<?> nested) {
                checkPipeline(session, db, coll, nested);
            } else if (coll != null) {
                session.requireOnCollection(db, coll, "find");
            }
        }
    }

    private static void facet(AuthzSession session, String db, String collection, Object spec) {
        if (spec instanceof Map<?, ?> facets) {
            for (Object nested : facets.values()) {
                if (nested instanceof List<?> pipeline) {
                    for (Object stage : pipeline) {
                        checkStage(session, db, collection, stage);
                    }
                }
            }
        }
    }

    private static void write(AuthzSession session, String db, Object spec, List<String> actions) {
        String targetDb = db;
        String targetColl;
        if (spec instanceof String name) {
            targetColl = name;
        } else if (spec instanceof Map<?, ?> options) {
            Object into = options.containsKey("into") ? options.get("into") : spec;
            if (into instanceof String name) {
                targetColl = name;
            } else if (into instanceof Map<?, ?> ns && ns.get("coll") instanceof String coll) {
                targetColl = coll;
                targetDb = ns.get("db") instanceof String other ? other : db;
            } else {
                throw new NotAuthorized("malformed output stage");
            }
        } else {
            throw new NotAuthorized("malformed output stage");
        }
        for (String action : actions) {
            session.requireOnCollection(targetDb, targetColl, action);
        }
    }

    private static String collectionOf(Object from) {
        return from instanceof Map<?, ?> ns && ns.get("coll") instanceof String coll ? coll : null;
    }

    private static String stageName(Object stage) {
        if (!(stage instanceof Map<?, ?> map) || map.size() != 1) {
            throw new NotAuthorized("each pipeline stage must be a document with one field");
        }
        return String.valueOf(map.keySet().iterator().next());
    }

    private static String nonNull(String collection) {
        if (collection == null) {
            throw new NotAuthorized("this stage needs a collection");
        }
        return collection;
    }
}
