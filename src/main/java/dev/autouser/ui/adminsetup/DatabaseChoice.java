package dev.autouser.ui.adminsetup;

import dev.autouser.core.mongo.CommandRunner;
import dev.autouser.core.teleport.LeastPrivilegeDatabases;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
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
 * databases ({@code listDatabases}) plus those {@link LeastPrivilegeDatabases} derives from the role
 * mapping and the roles existing auto-users hold. Those are pre-chosen only when least privilege
 * can be computed; otherwise {@link #adviceProperty()} says why grantRole belongs on all databases.
 */
public final class DatabaseChoice {
    private static final Set<String> NEVER_GRANTED = Set.of("local", "config");
    private final CommandRunner server;
    private final Derivation derivation;
    private final ObservableList<String> databases = FXCollections.observableArrayList();
    private final Map<String, BooleanProperty> chosen = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper advice = new ReadOnlyStringWrapper("");

    /** What {@link #load} found, handed to {@link #show} on the FX thread. */
    public record Loaded(List<String> names, LeastPrivilegeDatabases derived) {
    }

    /**
     * How least privilege is derived in two halves: {@link #prepare()} copies the role mapping on the
     * FX thread (its lists belong to it); the supplier it returns runs in the background (it may list
     * the auto-users).
     */
    @FunctionalInterface
    public interface Derivation {
        Supplier<LeastPrivilegeDatabases> prepare();
    }

    public DatabaseChoice(CommandRunner server, Derivation derivation) {
        this.server = server;
        this.derivation = derivation;
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

    /** One sentence: the databases least privilege needs, or why it cannot be computed. */
    public ReadOnlyStringProperty adviceProperty() {
        return advice.getReadOnlyProperty();
    }

    /**
     * Call on the FX thread: copies what the derivation needs, and returns the slow part for the
     * background. Its result is applied on the FX thread by {@link #show}.
     */
    public Supplier<Loaded> prepareLoad() {
        Supplier<LeastPrivilegeDatabases> derive = derivation.prepare();
        return () -> load(derive);
    }

    private Loaded load(Supplier<LeastPrivilegeDatabases> derive) {
        Document reply = server.run("admin", new Document("listDatabases", 1).append("nameOnly", true));
        Set<String> names = new LinkedHashSet<>();
        reply.getList("databases", Document.class, List.of()).forEach(d -> names.add(d.getString("name")));
        LeastPrivilegeDatabases derived = derive.get();
        names.addAll(derived.databases());
        names.removeAll(NEVER_GRANTED);
        return new Loaded(List.copyOf(names), derived);
    }

    public void show(Loaded loaded) {
        databases.setAll(loaded.names().stream().sorted().toList());
        advice.set(loaded.derived().advice());
        boolean computable = loaded.derived().computable();
        databases.forEach(db -> chosenProperty(db).set(computable && loaded.derived().databases().contains(db)));
    }
}
