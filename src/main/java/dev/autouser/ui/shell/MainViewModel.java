package dev.autouser.ui.shell;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Window-level state: which page is shown and what the status bar says. */
public final class MainViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(Page.CONNECT);
    private final BooleanProperty connected = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper server = new ReadOnlyStringWrapper("Not connected");
    private final ReadOnlyStringWrapper identity = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper serverVersion = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastRefresh = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final BooleanProperty refreshPaused = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper serverTrouble = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper topology = new ReadOnlyStringWrapper("");
    private final String appVersion;

    public MainViewModel(String appVersion) {
        this.appVersion = appVersion;
    }

    public ObjectProperty<Page> pageProperty() {
        return page;
    }

    public void show(Page target) {
        if (target.needsConnection() && !connected.get()) {
            return;
        }
        page.set(target);
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected;
    }

    /** Called once a connection is made: fills the status bar and opens the users page. */
    public void connected(String serverText, String identityText, String versionText) {
        server.set(serverText);
        identity.set(identityText);
        serverVersion.set(versionText);
        lastRefresh.set("");
        serverTrouble.set("");
        connected.set(true);
        page.set(Page.USERS);
    }

    public void disconnected() {
        connected.set(false);
        server.set("Not connected");
        identity.set("");
        serverVersion.set("");
        lastRefresh.set("");
        topology.set("");
        page.set(Page.CONNECT);
    }

    public void refreshedAt(Instant when) {
        lastRefresh.set("Refreshed " + TIME.format(when));
    }

    /** Why the last refresh failed ("" once one succeeds): the status bar says so on every page. */
    public void serverTrouble(String sentence) {
        serverTrouble.set(sentence == null ? "" : sentence);
    }

    public ReadOnlyStringProperty serverTroubleProperty() {
        return serverTrouble.getReadOnlyProperty();
    }

    /** The users page's auto-refresh is paused: the status bar says so on every page. */
    public BooleanProperty refreshPausedProperty() {
        return refreshPaused;
    }

    /** Which members or routers answered the last session check ("3 of 3 members answered"). */
    public void topology(String text) {
        topology.set(text);
    }

    public ReadOnlyStringProperty topologyProperty() {
        return topology.getReadOnlyProperty();
    }

    public void notice(String message) {
        notice.set(message);
    }

    public ReadOnlyStringProperty serverProperty() {
        return server.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty identityProperty() {
        return identity.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty serverVersionProperty() {
        return serverVersion.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastRefreshProperty() {
        return lastRefresh.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public String appVersion() {
        return appVersion;
    }

    public ReadOnlyObjectProperty<Page> currentPage() {
        return page;
    }
}
