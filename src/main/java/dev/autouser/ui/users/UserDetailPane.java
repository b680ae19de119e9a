package dev.autouser.ui.users;

import atlantafx.base.theme.Styles;
import dev.autouser.core.export.UntrustedText;
import dev.autouser.core.provisioning.AutoUser;
import dev.autouser.core.provisioning.LiveSession;
import dev.autouser.core.provisioning.LockEffect;
import dev.autouser.core.provisioning.RoleRef;
import dev.autouser.core.provisioning.UserCommands;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Everything about the focused user: roles, its lock (MongoDB restrictions, PostgreSQL NOLOGIN),
 * each live connection, evidence, and what only one engine has (customData; objects owned, password expiry).
 */
final class UserDetailPane extends ScrollPane {
    private static final JsonWriterSettings PRETTY = JsonWriterSettings.builder()
            .outputMode(JsonMode.RELAXED).indent(true).build();

    private final VBox content = new VBox(10);
    private final dev.autouser.core.engine.Engine engine;

    UserDetailPane(ObservableValue<UserRow> focused, dev.autouser.core.engine.Engine engine) {
        this.engine = engine;
        setId("userDetailPane");
        getStyleClass().add("detail-pane");
        content.setPadding(new Insets(14));
        setContent(content);
        setFitToWidth(true);
        // Follow both a new focused row and in-place updates of the same row (its user and its evidence).
        javafx.beans.InvalidationListener onChange = obs -> show(this.focused);
        focused.addListener((obs, was, row) -> {
            if (was != null) {
                was.userProperty().removeListener(onChange);
                was.evidenceProperty().removeListener(onChange);
            }
            if (row != null) {
                row.userProperty().addListener(onChange);
                row.evidenceProperty().addListener(onChange);
            }
            this.focused = row;
            show(row);
        });
        show((UserRow) null);
    }

    private UserRow focused;

    private void show(UserRow row) {
        show(row == null ? null : row.user(), row == null ? RowEvidence.NONE : row.evidenceProperty().get());
    }

    private void show(AutoUser user, RowEvidence evidence) {
        if (user == null) {
            Label hint = new Label(postgres() ? "Select a user to see its roles, login, sessions, owned objects and"
                    + " password expiry." : "Select a user to see its roles, restrictions, customData and connections.");
            hint.setWrapText(true);
            hint.getStyleClass().add(Styles.TEXT_MUTED);
            content.getChildren().setAll(hint);
            return;
        }
        Label name = new Label(UntrustedText.visible(user.teleportUser()), new FontIcon(StateCell.icon(user.state())));
        name.setId("detailName");
        name.getStyleClass().addAll(Styles.TITLE_3, StateCell.styleClass(user.state()));
        Label state = new Label(UntrustedText.visible(StateCell.label(user.state()) + " · " + user.mongoName()
                + (postgres() ? " (role)" : " in $external")
                + user.rootCluster().map(c -> " · home (root) cluster " + c).orElse("")));
        state.setWrapText(true);
        state.getStyleClass().add(Styles.TEXT_MUTED);
        VBox who = new VBox(6, name, state);
        if (user.state() == dev.autouser.core.provisioning.UserState.NOT_CLEANED_UP) {
            who.getChildren().add(notCleanedUp());
        }
        who.getChildren().addAll(section("Roles"), roles(user));
        if (postgres()) {
            showPostgres(user, evidence, who);
            return;
        }
        VBox access = new VBox(6, section("Authentication restrictions"), restrictions(user),
                section("Live connections (" + user.connectionCount() + ")"), sessions(user));
        VBox data = new VBox(6, section("Evidence of use"), EvidenceText.of(evidence), section("customData"),
                customData(user));
        showColumns(who, access, data);
    }

    private void showPostgres(AutoUser user, RowEvidence evidence, VBox who) {
        who.getChildren().addAll(section("Login"), PostgresUserDetail.login(user), section("Password expiry"),
                PostgresUserDetail.validUntil(user));
        VBox access = new VBox(6, section("Live sessions (" + user.connectionCount() + ")"),
                PostgresUserDetail.sessions(user), section("Objects owned (" + user.ownedObjectCount() + ")"),
                PostgresUserDetail.owned(user));
        VBox data = new VBox(6, section("Evidence of use"), EvidenceText.of(evidence));
        showColumns(who, access, data);
    }

    private void showColumns(VBox who, VBox access, VBox data) {
        javafx.scene.layout.HBox columns = new javafx.scene.layout.HBox(28, who, access, data);
        for (VBox column : java.util.List.of(who, access, data)) {
            javafx.scene.layout.HBox.setHgrow(column, javafx.scene.layout.Priority.ALWAYS);
            column.setPrefWidth(300);
            column.setMinWidth(200);
        }
        content.getChildren().setAll(columns);
    }

    private boolean postgres() {
        return engine == dev.autouser.core.engine.Engine.POSTGRESQL;
    }

    /** What "Not cleaned up" means in Teleport and what causes it, right where the state is shown. */
    private Node notCleanedUp() {
        VBox box = new VBox(4);
        box.setId("detailNotCleanedUp");
        box.getStyleClass().add("warning-box");
        box.getChildren().add(wrapped(dev.autouser.core.provisioning.NotCleanedUpCauses.MEANING));
        for (String cause : dev.autouser.core.provisioning.NotCleanedUpCauses.CAUSES) {
            if (postgres() && cause.contains("mongos")) {
                continue; // one PostgreSQL server: no member or router to miss
            }
            box.getChildren().add(wrapped("• " + cause));
        }
        return box;
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }

    private static Node roles(AutoUser user) {
        if (user.roles().isEmpty()) {
            return muted(user.locked() ? "None: locking removes every role." : "None.");
        }
        VBox list = new VBox(2);
        for (RoleRef role : user.roles()) {
            list.getChildren().add(new Label("• " + role.role() + (role.db().isEmpty() ? "" : " on " + role.db())));
        }
        list.setId("detailRoles");
        return list;
    }

    private static Node restrictions(AutoUser user) {
        Label label = user.locked()
                ? new Label("clientSource [\"" + UserCommands.LOCKED_SOURCE + "\"]: no client can authenticate "
                        + "(locked). " + LockEffect.ON_OPEN_CONNECTIONS)
                : new Label("None: the user can authenticate from anywhere Teleport connects from.");
        label.setWrapText(true);
        label.setId("detailRestrictions");
        return label;
    }

    private static Node sessions(AutoUser user) {
        if (user.sessions().isEmpty()) {
            return muted("No connection right now.");
        }
        VBox list = new VBox(4);
        list.setId("detailSessions");
        for (LiveSession session : user.sessions()) {
            Label line = new Label(UntrustedText.visible("#" + session.connectionId() + "  " + session.clientAddress()
                    + (session.appName().isEmpty() ? "" : "  · " + session.appName())
                    + (session.node().isEmpty() ? "" : "  · on " + session.node())));
            line.getStyleClass().add("command-text");
            line.setWrapText(true);
            list.getChildren().add(line);
        }
        return list;
    }

    private static Node customData(AutoUser user) {
        TextArea json = new TextArea(user.customData().toJson(PRETTY));
        json.setEditable(false);
        json.setPrefRowCount(Math.min(8, (int) json.getText().lines().count() + 1));
        json.getStyleClass().add("command-text");
        json.setId("detailCustomData");
        return json;
    }

    private static Label section(String title) {
        Label label = new Label(title);
        label.getStyleClass().addAll(Styles.TEXT_BOLD, "detail-section");
        return label;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }
}
