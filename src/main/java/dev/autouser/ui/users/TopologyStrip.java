package dev.autouser.ui.users;

import atlantafx.base.theme.Styles;
import dev.autouser.core.provisioning.SessionCensus;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/**
 * The deployment at a glance, above the users table: one chip per member or mongos asked for
 * sessions, with its role, how many auto-user sessions it holds, and which one the console writes
 * to. A node that did not answer is red: users shown as not cleaned up may be connected there, and lock and
 * drop are refused until it answers. Hidden on a standalone server.
 */
final class TopologyStrip extends FlowPane {
    private final ReadOnlyObjectProperty<List<SessionCensus.NodeAnswer>> nodes;
    private final javafx.beans.property.ReadOnlyStringProperty unlistedWarning;

    TopologyStrip(ReadOnlyObjectProperty<List<SessionCensus.NodeAnswer>> nodes,
                  javafx.beans.property.ReadOnlyStringProperty unlistedWarning) {
        this.nodes = nodes;
        this.unlistedWarning = unlistedWarning;
        setId("topologyStrip");
        getStyleClass().add("topology-strip");
        setHgap(8);
        setVgap(6);
        nodes.addListener((o, old, now) -> show());
        unlistedWarning.addListener((o, old, now) -> show());
        show();
    }

    private void show() {
        List<SessionCensus.NodeAnswer> nodes = this.nodes.get();
        String warning = unlistedWarning.get();
        boolean several = nodes.size() > 1 || nodes.stream().anyMatch(n -> !n.answered())
                || (warning != null && !warning.isEmpty());
        setVisible(several);
        setManaged(several);
        getChildren().clear();
        if (!several) {
            return;
        }
        Label title = new Label("Sessions asked on:");
        title.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        getChildren().add(title);
        nodes.forEach(node -> getChildren().add(chip(node)));
        if (warning != null && !warning.isEmpty()) {
            Label unseen = new Label("hidden members not asked", new FontIcon(Feather.ALERT_TRIANGLE));
            unseen.setId("unlistedMembersChip");
            unseen.getStyleClass().addAll("topology-chip", Styles.TEXT_SMALL, Styles.WARNING);
            unseen.setTooltip(new Tooltip(warning));
            getChildren().add(unseen);
        }
    }

    private static Label chip(SessionCensus.NodeAnswer answer) {
        var node = answer.node();
        boolean primary = node.role() == dev.autouser.core.mongo.Deployment.NodeRole.PRIMARY;
        String text = node.host() + " · " + node.role().label()
                + (answer.answered() ? " · " + answer.sessions() + (answer.sessions() == 1 ? " session" : " sessions")
                : " · did not answer")
                + (primary ? " · writes here" : "");
        Label chip = new Label(text, new FontIcon(answer.answered() ? Feather.SERVER : Feather.ALERT_TRIANGLE));
        chip.getStyleClass().addAll("topology-chip", Styles.TEXT_SMALL);
        chip.getStyleClass().add(answer.answered() ? (primary ? Styles.ACCENT : Styles.SUCCESS) : Styles.DANGER);
        chip.setTooltip(new Tooltip(answer.describe()));
        return chip;
    }
}
