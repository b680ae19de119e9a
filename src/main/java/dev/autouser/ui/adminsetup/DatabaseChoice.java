package dev.autouser.ui.adminsetup;

import dev.autouser.core.mongo.CommandRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.bson.Document;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The databases to grant {@code grantRole} on, for the least-privilege form: the server's
 * databases ({@code listDatabases}) plus those owning the roles in the role mapping, which are
 * also pre-chosen as the suggestion.
 */
public final class DatabaseChoice {
    private static final Set<String> NEVER_GRANTED = Set.of("local", "config");
    private final CommandRunner server;
    private final Supplier<List<String>> mappingDatabases;
    private final ObservableList<String> databases = FXCollections.observableArrayList();
    private final Map<String, BooleanProperty> chosen = new LinkedHashMap<>();

    public DatabaseChoice(CommandRunner server, Supplier<List<String>> mappingDatabases) {
        this.server = server;
        this.mappingDatabases = mappingDatabases;
    }

    public ObservableList<String> databases() {
        return databases;
    }

    public BooleanProperty chosenProperty(String db) {
        return chosen.computeIfAbsent(db, d -> new SimpleBooleanProperty(false));
    }

    public List<String> chosen() {
        return databases.stream().filter(db -> chosenProperty(db).get()).toList();
    }

    public List<String> suggested() {
        return mappingDatabases.get();
    }

    /** Runs in the background; the returned names are applied on the FX thread by {@link #show}. */
    public List<String> load() {
        Document reply = server.run("admin", new Document("listDatabases", 1).append("nameOnly", true));
        Set<String> names = new LinkedHashSet<>();
        reply.getList("databases", Document.class, List.of()).forEach(d -> names.add(d.getString("name")));
        names.addAll(mappingDatabases.get());
        names.removeAll(NEVER_GRANTED);
        return List.copyOf(names);
    }

    public void show(List<String> names) {
        databases.setAll(names.stream().sorted().toList());
        mappingDatabases.get().forEach(db -> chosenProperty(db).set(true));
    }
}
