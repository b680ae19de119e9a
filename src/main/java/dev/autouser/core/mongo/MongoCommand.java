package dev.autouser.core.mongo;

import dev.autouser.core.ServerCommand;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One MongoDB command, immutable, in the spirit of the driver's operation classes: it knows its
 * database, body, intent ("lock CN=alice") and the privileges it needs, and renders itself as
 * mongosh one way ({@link MongoshSyntax}, escaped) for dry runs, audit and "Copy as mongosh".
 */
public final class MongoCommand implements ServerCommand {
    private final String database;
    private final Document body;
    private final String intent;
    private final List<Privilege> required;

    private MongoCommand(String database, Document body, String intent, List<Privilege> required) {
        this.database = Objects.requireNonNull(database, "database");
        Objects.requireNonNull(body, "body");
        if (body.isEmpty()) {
            throw new IllegalArgumentException("A command needs a name: its first field.");
        }
        this.body = copy(body);
        this.intent = Objects.requireNonNull(intent, "intent");
        this.required = List.copyOf(required);
    }

    /** A command whose required privileges follow from its name (MongoDB's "Required Access"). */
    public static MongoCommand of(String database, Document body, String intent) {
        String name = body.isEmpty() ? "" : body.keySet().iterator().next();
        return new MongoCommand(database, body, intent, RequiredPrivileges.of(name, database, roleDatabases(body)));
    }

    /** A command with the privileges it needs named by the caller. */
    public static MongoCommand of(String database, Document body, String intent, List<Privilege> required) {
        return new MongoCommand(database, body, intent, required);
    }

    @Override
    public String database() {
        return database;
    }

    /** The command's name, its first field: {@code updateUser}. */
    @Override
    public String name() {
        return body.keySet().iterator().next();
    }

    @Override
    public String intent() {
        return intent;
    }

    /** A copy: the command itself never changes. */
    public Document body() {
        return copy(body);
    }

    @Override
    public List<Privilege> requiredPrivileges() {
        return required;
    }

    /** {@code db.getSiblingDB("$external").runCommand({"dropUser": "CN=alice"})} */
    @Override
    public String shellText() {
        return MongoshSyntax.oneLine(database, body);
    }

    /** The same over several lines with an indented body, for scripts a person reads. */
    public String scriptText() {
        return MongoshSyntax.expanded(database, body);
    }

    /** The databases of the roles a user command grants, for naming a missing grantRole. */
    static List<String> roleDatabases(Document command) {
        if (!(command.get("roles") instanceof List<?> roles)) {
            return List.of();
        }
        List<String> dbs = new ArrayList<>();
        for (Object role : roles) {
            if (role instanceof Document document && document.get("db") instanceof String db) {
                dbs.add(db);
            }
        }
        return dbs;
    }

    /** Deep enough for commands: nested documents and lists are copied, scalars are immutable. */
    private static Document copy(Document source) {
        Document copy = new Document();
        source.forEach((key, value) -> copy.append(key, copyValue(value)));
        return copy;
    }

    private static Object copyValue(Object value) {
        if (value instanceof Document document) {
            return copy(document);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(copyValue(v)));
            return copy;
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MongoCommand that && database.equals(that.database) && body.equals(that.body)
                && intent.equals(that.intent) && required.equals(that.required);
    }

    @Override
    public int hashCode() {
        return Objects.hash(database, body, intent, required);
    }

    @Override
    public String toString() {
        return intent + ": " + shellText();
    }
}
