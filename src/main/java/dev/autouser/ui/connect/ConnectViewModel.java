package dev.autouser.ui.connect;

import dev.autouser.core.mongo.AuthMechanism;
import dev.autouser.core.mongo.ConnectionProfile;
import dev.autouser.core.mongo.HostingPlatform;
import dev.autouser.core.mongo.ProfileStore;
import dev.autouser.ui.support.FileKind;
import dev.autouser.ui.support.ConsoleSession;
import dev.autouser.ui.support.BackgroundWork;
import dev.autouser.ui.support.DialogService;
import dev.autouser.ui.support.ErrorText;
import dev.autouser.ui.support.FxExecutors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The connect screen's state: a profile form like Compass's, saved profiles, the client
 * certificate's subject, warnings, and the test/connect/demo commands. The password lives only
 * in {@link #passwordProperty()} and is cleared once used.
 */
public final class ConnectViewModel {
    private final ProfileStore store;
    private final Connector connector;
    private final DialogService dialogs;
    private final BackgroundWork work;
    private final BackgroundWork quietWork;
    private final Consumer<ConsoleSession> onConnected;

    private final ObservableList<ConnectionProfile> profiles = FXCollections.observableArrayList();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty uri = new SimpleStringProperty("mongodb://localhost:27017/?tls=true");
    private final StringProperty caFile = new SimpleStringProperty("");
    private final StringProperty certFile = new SimpleStringProperty("");
    private final StringProperty keyFile = new SimpleStringProperty("");
    private final ObjectProperty<AuthMechanism> auth = new SimpleObjectProperty<>(AuthMechanism.X509);
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final BooleanProperty tlsAllowInvalid = new SimpleBooleanProperty(false);
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper subject = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper resultOk = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper welcome = new ReadOnlyBooleanWrapper(false);
    /** Why the connected server stopped answering ("" while it answers): the window's one health signal. */
    private final StringProperty serverTrouble = new SimpleStringProperty("");
    /** "Connected to … as …" of the open connection, or null before the first one. */
    private String connectedLine;
    private boolean loadedOnce;

    public ConnectViewModel(ProfileStore store, Connector connector, DialogService dialogs, FxExecutors executors,
                            Consumer<ConsoleSession> onConnected) {
        this.store = store;
        this.connector = connector;
        this.dialogs = dialogs;
        this.work = new BackgroundWork(executors, dialogs, busy);
        this.quietWork = new BackgroundWork(executors, dialogs);
        this.onConnected = onConnected;
        uri.addListener((obs, was, now) -> updateWarnings(Optional.empty()));
        tlsAllowInvalid.addListener((obs, was, now) -> updateWarnings(Optional.empty()));
        certFile.addListener((obs, was, now) -> readSubject());
        uri.addListener((obs, was, now) -> {
            if (dev.autouser.core.engine.Engine.ofUri(was) != dev.autouser.core.engine.Engine.ofUri(now)) {
                readSubject(); // the same certificate names a MongoDB or a PostgreSQL user
            }
        });
        serverTrouble.addListener((obs, was, now) -> showServerHealth(was, now));
    }

    /** The result line never keeps saying "Connected" about a server that stopped answering. */
    private void showServerHealth(String was, String now) {
        if (connectedLine == null) {
            return;
        }
        if (!now.isEmpty()) {
            resultOk.set(false);
            result.set("Not answering: " + now + " The console keeps asking and carries on once it answers.");
        } else if (!was.isEmpty() && result.get().startsWith("Not answering")) { // else a new connection said its own
            resultOk.set(true);
            result.set(connectedLine + " The server answers again.");
        }
    }

    /** Loads the saved profiles (in the background: it is file I/O). */
    public void loadProfiles() {
        run("Loading saved profiles failed", store::all, loaded -> {
            profiles.setAll(loaded);
            if (!loadedOnce) {
                loadedOnce = true;
                welcome.set(loaded.isEmpty()); // a first run: say what the console is for
            }
        });
    }

    /** Leaves the welcome and starts a blank profile in the form. */
    public void newConnection() {
        welcome.set(false);
        edit(ConnectionProfile.builder("mongodb://localhost:27017/?tls=true").auth(AuthMechanism.X509).build());
    }

    public void edit(ConnectionProfile profile) {
        name.set(profile.name());
        uri.set(profile.uri());
        caFile.set(profile.tlsCaFile().map(Path::toString).orElse(""));
        certFile.set(profile.tlsCertFile().map(Path::toString).orElse(""));
        keyFile.set(profile.tlsKeyFile().map(Path::toString).orElse(""));
        auth.set(profile.auth());
        username.set(profile.username().orElse(""));
        password.set("");
        tlsAllowInvalid.set(profile.tlsAllowInvalid());
        result.set("");
    }

    /** The form as a profile; never contains the password. */
    public ConnectionProfile profile() {
        return ConnectionProfile.builder(uri.get()).name(name.get()).tlsCaFile(path(caFile.get()))
                .tlsCertFile(path(certFile.get())).tlsKeyFile(path(keyFile.get())).auth(auth.get())
                .username(username.get()).tlsAllowInvalid(tlsAllowInvalid.get()).build();
    }

    public void save() {
        ConnectionProfile profile = profile();
        run("Saving the profile failed", () -> {
            store.save(profile);
            return store.all();
        }, saved -> {
            profiles.setAll(saved);
            dialogs.notify("Saved profile \"" + profile.name() + "\"");
        });
    }

    public void delete(ConnectionProfile profile) {
        run("Deleting the profile failed", () -> {
            store.delete(profile.name());
            return store.all();
        }, profiles::setAll);
    }

    public void chooseCaFile() {
        dialogs.chooseOpenFile("Choose the CA certificate", FileKind.PEM).ifPresent(file -> caFile.set(file.toString()));
    }

    public void chooseCertFile() {
        dialogs.chooseOpenFile("Choose the client certificate (PEM)", FileKind.PEM).ifPresent(file -> certFile.set(file.toString()));
    }

    public void chooseKeyFile() {
        dialogs.chooseOpenFile("Choose the private key (PEM)", FileKind.PEM).ifPresent(file -> keyFile.set(file.toString()));
    }

    /** Dropped PEM files go where they belong: a CA bundle, a client certificate (with key) or a key. */
    public void acceptDroppedFiles(List<Path> files) {
        run("That file cannot be used", () -> files.stream().map(PemFiles::inspect).toList(), summaries -> {
            for (PemFiles.Summary summary : summaries) {
                switch (summary.kind()) {
                    case CA_BUNDLE -> caFile.set(summary.file().toString());
                    case CLIENT_CERTIFICATE_AND_KEY, CLIENT_CERTIFICATE -> certFile.set(summary.file().toString());
                    case PRIVATE_KEY -> keyFile.set(summary.file().toString());
                }
            }
        });
    }

    public void testConnection() {
        ConnectionProfile profile = profile();
        char[] secret = takePassword();
        result.set("Testing…");
        resultOk.set(false);
        work.run("The connection failed", () -> {
            try (ConsoleSession session = connector.connect(profile, secret)) {
                if (session.mongo().isEmpty()) {
                    return new TestOutcome("Connected to " + session.server() + " as " + session.identityLabel()
                            + " · " + session.versionLabel() + ". " + Permissions.sentence(session.autoUsers().permissions()),
                            null);
                }
                ConsoleSession.MongoSide mongo = session.mongo().orElseThrow();
                return new TestOutcome("Connected to " + session.server() + " as "
                        + session.identityLabel() + " · " + session.versionLabel() + " · "
                        + mongo.facts().topology().label() + ". " + Permissions.sentence(mongo.facts()),
                        mongo.facts().platform());
            }
        }, outcome -> {
            resultOk.set(true);
            result.set(outcome.message());
            updateWarnings(Optional.ofNullable(outcome.platform()));
        }, failure -> result.set(ErrorText.sentence("The connection failed", failure)));
    }

    private record TestOutcome(String message, HostingPlatform platform) {
    }

    public void connect() {
        ConnectionProfile profile = profile();
        char[] secret = takePassword();
        open(() -> connector.connect(profile, secret), "Connecting…", "The connection failed");
    }

    public void startDemo() {
        // Seen by a new DBA for half a minute on a busy machine: say what is happening, not just "Connecting…".
        open(connector::startDemo, "Starting the demo server on this machine (TLS with its own CA, demo users and"
                + " their sessions); this takes a few seconds…", "The demo server could not start");
    }

    /** The engine the URI names ({@code postgresql://} or else MongoDB), for the form's title and fields. */
    public javafx.beans.value.ObservableValue<dev.autouser.core.engine.Engine> engineProperty() {
        return uri.map(dev.autouser.core.engine.Engine::ofUri).orElse(dev.autouser.core.engine.Engine.MONGODB);
    }

    public void startPostgresDemo() {
        open(connector::startPostgresDemo, "Starting the PostgreSQL demo on this machine (a real PostgreSQL with TLS"
                + " from its own CA, Teleport's auto-users and their sessions); this takes a few seconds…",
                "The PostgreSQL demo could not start");
    }

    private void open(Supplier<ConsoleSession> opening, String progress, String whatFailed) {
        result.set(progress);
        resultOk.set(false);
        work.run(whatFailed, opening, session -> {
            welcome.set(false);
            edit(session.profile()); // shows what was used, e.g. the demo's URI and files
            resultOk.set(true);
            connectedLine = "Connected to " + session.server() + " as " + session.identityLabel() + ".";
            result.set(connectedLine);
            updateWarnings(session.mongo().map(mongo -> mongo.facts().platform()));
            onConnected.accept(session);
        }, failure -> {
            String sentence = ErrorText.sentence(whatFailed, failure);
            result.set(sentence);
            dialogs.showError(sentence, failure);
        });
    }

    private char[] takePassword() {
        String text = password.get();
        password.set("");
        return auth.get() == AuthMechanism.SCRAM && text != null && !text.isEmpty() ? text.toCharArray() : null;
    }

    /** {@code CN=dba,O=x} → {@code dba}: what PostgreSQL's {@code cert} authentication compares with the user. */
    private static String commonName(String subject) {
        return subject.startsWith("CN=") ? subject.substring(3).split(",", 2)[0] : subject;
    }

    private void readSubject() {
        String file = certFile.get();
        if (file == null || file.isBlank()) {
            subject.set("");
            return;
        }
        quietWork.run("The certificate cannot be read", () -> PemFiles.clientSubject(Path.of(file)), name -> {
            if (file.equals(certFile.get())) { // else the person chose another file meanwhile
                subject.set(dev.autouser.core.engine.Engine.ofUri(uri.get()) == dev.autouser.core.engine.Engine.POSTGRESQL
                        ? "PostgreSQL user: " + commonName(name) + " (the certificate's CN, unless the URI names a user)"
                        : "MongoDB user: " + name + " in $external");
            }
        }, failure -> {
            if (file.equals(certFile.get())) {
                subject.set(ErrorText.sentence("The certificate cannot be read", failure));
            }
        });
    }

    private void updateWarnings(Optional<HostingPlatform> serverPlatform) {
        List<String> fresh = new java.util.ArrayList<>(ConnectionWarnings.forForm(uri.get(), tlsAllowInvalid.get()));
        serverPlatform.filter(p -> p != HostingPlatform.SELF_HOSTED).map(HostingPlatform::explanation)
                .filter(text -> !fresh.contains(text)).ifPresent(fresh::add);
        warnings.setAll(fresh);
    }

    private <T> void run(String whatFailed, Supplier<T> slow, Consumer<T> show) {
        quietWork.run(whatFailed, slow, show);
    }

    private static Optional<Path> path(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(Path.of(text.trim()));
    }

    public ObservableList<ConnectionProfile> profiles() { return profiles; }
    public StringProperty nameProperty() { return name; }
    public StringProperty uriProperty() { return uri; }
    public StringProperty caFileProperty() { return caFile; }
    public StringProperty certFileProperty() { return certFile; }
    public StringProperty keyFileProperty() { return keyFile; }
    public ObjectProperty<AuthMechanism> authProperty() { return auth; }
    public StringProperty usernameProperty() { return username; }
    public StringProperty passwordProperty() { return password; }
    public BooleanProperty tlsAllowInvalidProperty() { return tlsAllowInvalid; }
    public ObservableList<String> warnings() { return warnings; }
    public ReadOnlyStringProperty subjectProperty() { return subject.getReadOnlyProperty(); }
    public ReadOnlyStringProperty resultProperty() { return result.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty resultOkProperty() { return resultOk.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** Bound to the window's server health: "" while the server answers, else why it does not. */
    public StringProperty serverTroubleProperty() { return serverTrouble; }
    /** True on a first run (no saved profile) until a connection is made or a new one is started. */
    public ReadOnlyBooleanProperty welcomeProperty() { return welcome.getReadOnlyProperty(); }
}
