package dev.autouser.ui.shell;

import atlantafx.base.controls.Spacer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Bottom line of the window: server, identity, server version, members answering, last refresh, app version. */
final class StatusBar extends HBox {
    StatusBar(MainViewModel model) {
        Label server = item("statusServer", Feather.SERVER);
        // Every host of a replica set does not fit at 1024 px: the first and a count, all of them in the tooltip.
        // Once the members' answers are shown, they say more than the role of the member that answered on connect.
        server.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            String text = firstHostAndCount(model.serverProperty().get());
            return model.topologyProperty().get().isEmpty() ? text : text.replaceFirst(" \\([^()]*\\)$", "");
        }, model.serverProperty(), model.topologyProperty()));
        server.tooltipProperty().bind(model.serverProperty().map(javafx.scene.control.Tooltip::new));
        Label identity = item("statusIdentity", Feather.USER);
        identity.textProperty().bind(model.identityProperty());
        identity.visibleProperty().bind(model.connectedProperty());
        Label version = item("statusServerVersion", Feather.DATABASE);
        version.textProperty().bind(model.serverVersionProperty());
        version.visibleProperty().bind(model.connectedProperty());
        Label topology = item("statusTopology", Feather.SHARE_2);
        topology.textProperty().bind(model.topologyProperty());
        topology.visibleProperty().bind(model.topologyProperty().isNotEmpty());
        topology.managedProperty().bind(topology.visibleProperty());
        Label refreshed = item("statusLastRefresh", Feather.CLOCK);
        refreshed.textProperty().bind(model.lastRefreshProperty());
        refreshed.visibleProperty().bind(model.lastRefreshProperty().isNotEmpty());
        Label paused = item("statusPaused", Feather.PAUSE_CIRCLE);
        paused.setText("Auto-refresh paused");
        paused.getStyleClass().add("status-paused");
        paused.visibleProperty().bind(model.refreshPausedProperty().and(model.connectedProperty()));
        paused.managedProperty().bind(paused.visibleProperty());
        Label trouble = item("statusServerTrouble", Feather.ALERT_OCTAGON);
        trouble.setText("Server not answering");
        trouble.getStyleClass().add("status-trouble");
        trouble.tooltipProperty().bind(model.serverTroubleProperty().map(javafx.scene.control.Tooltip::new));
        trouble.visibleProperty().bind(model.serverTroubleProperty().isNotEmpty().and(model.connectedProperty()));
        trouble.managedProperty().bind(trouble.visibleProperty());
        Label notice = new Label();
        notice.setId("statusNotice");
        notice.getStyleClass().add("status-notice");
        notice.textProperty().bind(model.noticeProperty());
        // A long notice is the one that gives way (ellipsis, full text in the tooltip).
        notice.setMinWidth(0);
        notice.tooltipProperty().bind(model.noticeProperty().map(text -> text.isEmpty() ? null : new javafx.scene.control.Tooltip(text)));
        // Just the version (the name in its tooltip): at 1024 px the server and identity need the room.
        Label app = new Label(model.appVersion(), new FontIcon(Feather.INFO));
        app.setId("statusAppVersion");
        app.setTooltip(new javafx.scene.control.Tooltip("Auto-User Console " + model.appVersion()));
        // Gives way first, wholly: an icon without its text says nothing. At 1024 px the server facts need the room.
        app.visibleProperty().bind(widthProperty().greaterThan(1100));
        app.managedProperty().bind(app.visibleProperty());
        // The server line (every host of a replica set) may give way after the notice, but never below
        // a readable width; the short facts stay whole.
        server.minWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.min(server.prefWidth(-1), 240), server.textProperty()));
        topology.setMinWidth(0); // the per-member answers are on the users page too
        for (Label whole : new Label[] {identity, version, refreshed, paused, trouble}) {
            whole.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        getChildren().addAll(server, identity, version, topology, refreshed, paused, trouble, new Spacer(), notice, app);
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(12);
        setPadding(new Insets(4, 12, 4, 12));
    }

    /** "db1:27017,db2:27017,db3:27017" within the text becomes "db1:27017 +2". */
    static String firstHostAndCount(String text) {
        java.util.regex.Matcher hosts = HOST_LIST.matcher(text);
        if (!hosts.find()) {
            return text;
        }
        String[] each = hosts.group().split(",");
        return text.substring(0, hosts.start()) + each[0] + " +" + (each.length - 1) + text.substring(hosts.end());
    }

    private static final java.util.regex.Pattern HOST_LIST = java.util.regex.Pattern.compile("[^\\s,]+:\\d+(,[^\\s,]+:\\d+)+");

    private static Label item(String id, Feather icon) {
        Label label = new Label("", new FontIcon(icon));
        label.setId(id);
        return label;
    }
}
