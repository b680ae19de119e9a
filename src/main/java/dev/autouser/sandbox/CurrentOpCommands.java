package dev.autouser.sandbox;

import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import dev.autouser.sandbox.security.ServerErrors;

import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * {@code currentOp} (with {@code $ownOps}, {@code $all} and any filter fields) and the
 * {@code $currentOp} aggregation stage (with {@code allUsers}, {@code idleConnections}, then the
 * rest of the pipeline). Seeing other users' operations takes the {@code inprog} privilege.
 */
final class CurrentOpCommands {
    /** Arguments every command may carry; they are never filter fields. */
    private static final Set<String> GENERIC_ARGUMENTS = Set.of("currentOp", "$all", "$ownOps", "$db", "lsid",
            "$clusterTime", "$readPreference", "comment", "maxTimeMS", "apiVersion", "apiStrict",
            "apiDeprecationErrors", "txnNumber", "autocommit", "readConcern", "writeConcern");
    private static final Set<String> STAGE_OPTIONS = Set.of("allUsers", "idleConnections", "idleCursors",
            "idleSessions", "localOps", "backtrace", "truncateOps", "targetAllNodes");

    private static final int FAILED_TO_PARSE = 9;

    private final CurrentOpReport report;
    private final Predicate<ClientConnection> mayInspectOthers;
    private final boolean router;

    /** On a {@code router} (mongos), only {@code localOps: true} lists the router's own clients. */
    CurrentOpCommands(CurrentOpReport report, Predicate<ClientConnection> mayInspectOthers, boolean router) {
        this.report = report;
        this.mayInspectOthers = mayInspectOthers;
        this.router = router;
    }

    Document currentOp(ClientConnection caller, String db, Document command) {
        if (!"admin".equals(db)) {
            throw new MongoServerError(13, "Unauthorized", "currentOp may only be run against the admin database.");
        }
        boolean ownOnly = isTrue(command.get("$ownOps"));
        if (!ownOnly && !mayInspectOthers.test(caller)) {
            throw ServerErrors.notAuthorized(db, "currentOp");
        }
        Document filter = new Document();
        command.forEach((key, value) -> {
            if (!GENERIC_ARGUMENTS.contains(key)) {
                filter.put(key, value);
            }
        });
        DefaultQueryMatcher matcher = new DefaultQueryMatcher();
        List<Document> ops = report.operations(
                        new CurrentOpReport.Scope(isTrue(command.get("$all")), ownOnly, caller.users()))
                .stream().filter(op -> matcher.matches(op, filter)).toList();
        return new Document("inprog", ops).append("ok", 1.0);
    }

    /** Whether an aggregate command starts with {@code $currentOp} (and is ours to answer). */
    static boolean isCurrentOpPipeline(Document command) {
        return command.get("pipeline") instanceof List<?> pipeline && !pipeline.isEmpty()
                && pipeline.get(0) instanceof Document first && first.containsKey("$currentOp");
    }

    /**
     * Runs {@code [{$currentOp: {...}}, ...rest]}: {@code rest} goes through {@code runRest} (the
     * library's aggregation stages) and the result through {@code toCursorReply}.
     */
    Document aggregate(ClientConnection caller, String db, Document command,
                       BiFunction<List<Document>, List<Document>, List<Document>> runRest,
                       BiFunction<List<Document>, Document, Document> toCursorReply) {
        if (!"admin".equals(db) || !(command.get("aggregate") instanceof Number number) || number.intValue() != 1) {
            throw ServerErrors.invalidNamespace("$currentOp must be run against the 'admin' database with {aggregate: 1}");
        }
        List<?> pipeline = (List<?>) command.get("pipeline");
        if (!(((Document) pipeline.get(0)).get("$currentOp") instanceof Document options)) {
            throw new MongoServerError(FAILED_TO_PARSE, "FailedToParse",
                    "$currentOp options must be specified in an object, but found: "
                            + ((Document) pipeline.get(0)).get("$currentOp"));
        }
        for (String option : options.keySet()) {
            if (!STAGE_OPTIONS.contains(option)) {
                throw new MongoServerError(FAILED_TO_PARSE, "FailedToParse",
                        "Unrecognized option '" + option + "' in $currentOp stage.");
            }
        }
        rejectLaterCurrentOp(pipeline);
        boolean allUsers = isTrue(options.get("allUsers"));
        if (allUsers && !mayInspectOthers.test(caller)) {
            throw ServerErrors.notAuthorized(db, "aggregate");
        }
        // A mongos without localOps reports the shards' operations; the sandbox's routers serve
        // the shared store in-process, so the shards have no client connections to report.
        List<Document> ops = router && !isTrue(options.get("localOps")) ? List.of()
                : report.operations(new CurrentOpReport.Scope(isTrue(options.get("idleConnections")), !allUsers,
                caller.users()));
        @SuppressWarnings("unchecked")
        List<Document> rest = (List<Document>) pipeline.subList(1, pipeline.size());
        List<Document> result = rest.isEmpty() ? ops : runRest.apply(rest, ops);
        Document cursorOptions = command.get("cursor") instanceof Document c ? c : new Document();
        return toCursorReply.apply(result, cursorOptions);
    }

    private static void rejectLaterCurrentOp(List<?> pipeline) {
        for (int i = 1; i < pipeline.size(); i++) {
            if (pipeline.get(i) instanceof Document stage && stage.containsKey("$currentOp")) {
                throw new MongoServerError(40602, "Location40602",
                        "$currentOp is only valid as the first stage in a pipeline");
            }
        }
    }

    private static boolean isTrue(Object value) {
        return value instanceof Boolean b ? b : value instanceof Number n && n.doubleValue() != 0;
    }
}
