package dev.autouser.sandbox.security;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;

/** The privileges MongoDB requires for reading and writing collections, aggregation included. */
final class DataRequirements {

    private DataRequirements() {
    }

    /** Returns false when {@code command} is not a data command. */
    static boolean check(AuthzSession session, String db, String command, Document body) {
        switch (command) {
            case "find", "count", "distinct", "mapreduce" -> on(session, db, body, "find");
            case "insert" -> withBypass(session, db, body, "insert");
            case "update" -> update(session, db, body);
            case "delete" -> on(session, db, body, "remove");
            case "findandmodify" -> findAndModify(session, db, body);
            case "aggregate" -> AggregateRequirements.check(session, db, body);
            case "listindexes" -> on(session, db, body, "listIndexes");
            case "create" -> create(session, db, body);
            case "drop" -> on(session, db, body, "dropCollection");
            case "createindexes" -> on(session, db, body, "createIndex");
            case "dropindexes", "deleteindexes" -> on(session, db, body, "dropIndex");
            case "collmod" -> on(session, db, body, "collMod");
            case "collstats", "datasize" -> on(session, db, body, "collStats");
            case "validate" -> on(session, db, body, "validate");
            case "listcollections" -> listCollections(session, db, body);
            case "dbstats" -> session.requireOnDatabase(db, "dbStats");
            case "dbhash" -> session.requireOnDatabase(db, "dbHash");
            case "dropdatabase" -> session.requireOnDatabase(db, "dropDatabase");
            case "renamecollection" -> renameCollection(session, body);
            default -> {
                return false;
            }
        }
        return true;
    }

    static String collection(Document body, String command) {
        Object value = body.get(UmcArgs.commandName(body, command));
        if (!(value instanceof String name) || name.isEmpty()) {
            throw new NotAuthorized(command + " needs a collection name to check privileges against");
        }
        return name;
    }

    private static void on(AuthzSession session, String db, Document body, String action) {
        session.requireOnCollection(db, collection(body, firstKey(body)), action);
    }

    private static void withBypass(AuthzSession session, String db, Document body, String action) {
        String collection = collection(body, firstKey(body));
        session.requireOnCollection(db, collection, action);
        if (UmcArgs.flag(body, "bypassDocumentValidation", false)) {
            session.requireOnCollection(db, collection, "bypassDocumentValidation");
        }
    }

    private static void update(AuthzSession session, String db, Document body) {
        withBypass(session, db, body, "update");
        if (body.get("updates") instanceof List<?> updates) {
            for (Object statement : updates) {
                if (statement instanceof Map<?, ?> map && Boolean.TRUE.equals(map.get("upsert"))) {
                    session.requireOnCollection(db, collection(body, "update"), "insert");
                }
            }
        }
    }

    private static void findAndModify(AuthzSession session, String db, Document body) {
        String collection = collection(body, firstKey(body));
        session.requireOnCollection(db, collection, "find");
        if (UmcArgs.flag(body, "remove", false)) {
            session.requireOnCollection(db, collection, "remove");
            return;
        }
        session.requireOnCollection(db, collection, "update");
        if (UmcArgs.flag(body, "upsert", false)) {
            session.requireOnCollection(db, collection, "insert");
        }
        if (UmcArgs.flag(body, "bypassDocumentValidation", false)) {
            session.requireOnCollection(db, collection, "bypassDocumentValidation");
        }
    }

    /** createCollection, or insert for a plain collection; a capped one also needs convertToCapped. */
    private static void create(AuthzSession session, String db, Document body) {
        String collection = collection(body, "create");
        if (UmcArgs.flag(body, "capped", false)) {
            session.requireOnCollection(db, collection, "convertToCapped");
        }
        boolean canCreate = session.privileges().allowsOnCollection(db, collection, "createCollection");
        if (body.containsKey("viewOn") && !canCreate) {
            throw new NotAuthorized("creating a view needs createCollection");
        }
        if (!canCreate) {
            session.requireOnCollection(db, collection, "insert");
        }
    }

    /** With {@code authorizedCollections: true, nameOnly: true} any user may list what it can use. */
    private static void listCollections(AuthzSession session, String db, Document body) {
        if (UmcArgs.flag(body, "authorizedCollections", false) && UmcArgs.flag(body, "nameOnly", false)) {
            return;
        }
        session.requireOnDatabase(db, "listCollections");
    }

    private static void renameCollection(AuthzSession session, Document body) {
        String[] source = namespace(body.get(UmcArgs.commandName(body, "renameCollection")));
        String[] target = namespace(body.get("to"));
        if (source[0].equals(target[0])) {
            session.requireOnDatabase(source[0], "renameCollectionSameDB");
        } else {
            session.requireOnCollection(source[0], source[1], "find");
            session.requireOnCollection(source[0], source[1], "dropCollection");
            session.requireOnCollection(target[0], target[1], "insert");
            session.requireOnCollection(target[0], target[1], "createIndex");
        }
        if (UmcArgs.flag(body, "dropTarget", false)) {
            session.requireOnCollection(target[0], target[1], "dropCollection");
        }
    }

    private static String[] namespace(Object value) {
        if (!(value instanceof String ns) || ns.indexOf('.') <= 0 || ns.endsWith(".")) {
            throw new NotAuthorized("renameCollection needs full namespaces");
        }
        int dot = ns.indexOf('.');
        return new String[] {ns.substring(0, dot), ns.substring(dot + 1)};
    }

    private static String firstKey(Document body) {
        return body.keySet().iterator().next();
    }
}
