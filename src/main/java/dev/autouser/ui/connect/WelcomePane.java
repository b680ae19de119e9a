package dev.autouser.ui.connect;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The first screen of a first run (no saved profile): what the console is for, and the two ways
 * in: the embedded demo server or a new connection.
 */
final class WelcomePane extends VBox {
    static final String PURPOSE = "See the database users Teleport provisions automatically, on MongoDB (CN=<name> in"
            + " $external, tagged teleport-auto-user) and on PostgreSQL (roles in the teleport-auto-user group), with"
            + " their roles, lock state and live sessions. Set up the admin role Teleport needs, map Teleport roles to"
            + " database roles, and clean up stale users safely: a user with a live session is never locked or dropped,"
            + " and users Teleport does not manage are never touched.";
    /** What "New connection" takes, for either engine: the URI's scheme says which. */
    static final String CONNECT_HINT = "Your MongoDB (a mongodb:// URI; the X.509 certificate from tctl auth sign"
            + " --format=mongodb, or a username and password) or your PostgreSQL (a postgresql:// URI; the .crt, .key and"
            + " .cas that tctl auth sign --format=db writes, or a password). Saved without secrets.";

    WelcomePane(ConnectViewModel model) {
        Label title = new Label("Welcome to Auto-User Console", new FontIcon(Feather.DATABASE));
        title.getStyleClass().addAll("page-title", "welcome-title");
        Label purpose = new Label(PURPOSE);
        purpose.setId("welcomePurpose");
        purpose.setWrapText(true);
        purpose.getStyleClass().add("welcome-purpose");

        Button demo = new Button("Open the demo server", new FontIcon(Feather.PLAY_CIRCLE));
        demo.setId("welcomeDemoButton");
        demo.getStyleClass().add(Styles.SUCCESS);
        demo.setOnAction(e -> model.startDemo());
        Button connect = new Button("New connection", new FontIcon(Feather.LINK));
        connect.setId("welcomeNewConnectionButton");
        connect.getStyleClass().add(Styles.ACCENT);
        connect.setDefaultButton(true);
        connect.setOnAction(e -> model.newConnection());
        for (Button button : new Button[] {demo, connect}) {
            button.disableProperty().bind(model.busyProperty());
            button.setMaxWidth(Double.MAX_VALUE);
        }
        VBox demoChoice = choice(demo, "An embedded MongoDB-compatible server on this machine: TLS with its own CA, "
                + "demo auto-users in every state, sessions that come and go. Nothing to install.");
        Button postgresDemo = new Button("Open the PostgreSQL demo", new FontIcon(Feather.PLAY_CIRCLE));
        postgresDemo.setId("welcomePostgresDemoButton");
        postgresDemo.setOnAction(e -> model.startPostgresDemo());
        postgresDemo.disableProperty().bind(model.busyProperty());
        postgresDemo.setMaxWidth(Double.MAX_VALUE);
        demoChoice.getChildren().add(postgresDemo);
        VBox connectChoice = choice(connect, CONNECT_HINT);
        connectChoice.getChildren().get(1).setId("welcomeConnectHint");
        HBox choices = new HBox(20, demoChoice, connectChoice);

        Label result = new Label();
        result.setId("welcomeResult");
        result.setWrapText(true);
        result.textProperty().bind(model.resultProperty());

        getChildren().addAll(title, purpose, choices, result);
        setId("welcomePane");
        getStyleClass().add("welcome-pane");
        setSpacing(18);
        setPadding(new Insets(36, 40, 28, 40));
        setMaxWidth(820);
        setAlignment(Pos.TOP_LEFT);
    }

    private static VBox choice(Button button, String hint) {
        Label text = new Label(hint);
        text.setWrapText(true);
        text.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox box = new VBox(8, button, text);
        box.getStyleClass().add("welcome-choice");
        box.setPrefWidth(340);
        HBox.setHgrow(box, javafx.scene.layout.Priority.ALWAYS);
        return box;
    }
}
