package dev.autouser.ui.users;

import atlantafx.base.theme.Styles;
import dev.autouser.core.export.UntrustedText;
import dev.autouser.core.provisioning.AutoUser;
import dev.autouser.core.provisioning.LiveSession;
import dev.autouser.core.provisioning.OwnedObjects;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The detail pane's PostgreSQL sections: login (NOLOGIN is the lock), password expiry
 * ({@code rolvaliduntil}), each session as {@code pg_stat_activity} reports it, and the objects the
 * role owns per database (what makes PostgreSQL refuse its drop).
 */
final class PostgresUserDetail {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z")
            .withZone(ZoneId.systemDefault());

    private PostgresUserDetail() {
    }

    /** Backed by PostgresAutoUsersTest.lockRevokesEveryDirectRoleAndRefusesNewLoginsAndIsAudited. */
    static Node login(AutoUser user) {
        Label label = new Label(user.locked()
                ? "NOLOGIN: PostgreSQL refuses every new login of this role (locked)."
                : "LOGIN: the role can log in.");
        label.setWrapText(true);
        label.setId("detailLogin");
        return label;
    }

    static Node validUntil(AutoUser user) {
        Label label = new Label(user.validUntil().map(t -> "Password valid until " + TIME.format(t) + " (rolvaliduntil).")
                .orElse("No expiry (rolvaliduntil not set)."));
        label.setWrapText(true);
        label.setId("detailValidUntil");
        return label;
    }

    static Node sessions(AutoUser user) {
        if (user.sessions().isEmpty()) {
            return muted("No session right now.");
        }
        VBox list = new VBox(4);
        list.setId("detailSessions");
        for (LiveSession session : user.sessions()) {
            Label line = new Label(UntrustedText.visible("pid " + session.connectionId()
                    + (session.database().isEmpty() ? "" : "  · " + session.database())
                    + (session.clientAddress().isEmpty() ? "" : "  · from " + session.clientAddress())
                    + (session.appName().isEmpty() ? "" : "  · " + session.appName())
                    + session.startedAt().map(t -> "  · since " + TIME.format(t)).orElse("")
                    + (session.state().isEmpty() ? "" : "  · " + session.state())));
            line.getStyleClass().add("command-text");
            line.setWrapText(true);
            list.getChildren().add(line);
        }
        return list;
    }

    static Node owned(AutoUser user) {
        if (user.ownedObjects().isEmpty()) {
            return muted("None: a drop removes the role.");
        }
        VBox list = new VBox(2);
        list.setId("detailOwned");
        for (OwnedObjects owned : user.ownedObjects()) {
            list.getChildren().add(new Label(UntrustedText.visible("• " + owned.describe())));
        }
        Label why = new Label("PostgreSQL refuses to drop a role that owns objects: Drop asks whether to keep it"
                + " locked, as Teleport does, or to reassign them to another role.");
        why.setWrapText(true);
        why.getStyleClass().add(Styles.TEXT_MUTED);
        list.getChildren().add(why);
        return list;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }
}
