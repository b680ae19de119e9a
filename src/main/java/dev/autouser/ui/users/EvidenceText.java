package dev.autouser.ui.users;

import atlantafx.base.theme.Styles;
import dev.autouser.core.export.UntrustedText;
import dev.autouser.core.history.Activity;
import dev.autouser.core.history.Age;
import dev.autouser.core.history.TeleportIdentity;
import dev.autouser.core.history.UserEvidence;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** The detail pane's evidence: each fact with its date and its age, and where it came from. */
final class EvidenceText {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private EvidenceText() {
    }

    static Node of(RowEvidence row) {
        VBox lines = new VBox(2);
        lines.setId("detailEvidence");
        UserEvidence evidence = row.evidence();
        if (evidence == null) {
            lines.getChildren().add(muted("Nothing recorded: the usage history has no listing of this user yet"
                    + " (or is not available)."));
            return lines;
        }
        Instant now = row.listedAt();
        if (evidence.lastActive().isEmpty()) {
            lines.getChildren().add(line("Last active: not seen by any source since the history began"));
        }
        evidence.lastActive().values().stream()
                .sorted(java.util.Comparator.comparing(Activity::at).reversed())
                .forEach(a -> lines.getChildren().add(line("Last active (" + a.source().label() + "): "
                        + when(a.at(), now) + details(a))));
        evidence.teleportIdentity().ifPresent(identity -> lines.getChildren().add(identity(identity)));
        evidence.lockedSince().ifPresent(at -> lines.getChildren().add(seenLocked(line(SEEN_LOCKED + " since: " + when(at, now)))));
        add(lines, "Unlocked since", evidence.unlockedSince(), now);
        add(lines, "Not cleaned up since", evidence.notCleanedUpSince(), now);
        add(lines, "First seen", evidence.firstSeen(), now);
        evidence.droppedAt().ifPresent(at -> lines.getChildren().add(line("Dropped at " + when(at, now))));
        // Teleport's own session-end step, from an imported audit log: a failure means Teleport left the user behind.
        evidence.teleportDeactivation().ifPresent(done -> lines.getChildren().add(done.failed()
                ? warning("Teleport failed to " + done.action() + " it: " + when(done.at(), now)
                        + (done.error().isEmpty() ? "" : " · " + UntrustedText.visible(done.error())))
                : line("Teleport " + (done.drop() ? "dropped" : "locked") + " it: " + when(done.at(), now)
                        + " (Teleport audit)")));
        return lines;
    }

    /** Who it was, from the latest imported audit event that named a Teleport user. */
    private static Label identity(TeleportIdentity identity) {
        StringBuilder text = new StringBuilder("Teleport user (Teleport audit): ").append(identity.teleportUser());
        if (!identity.teleportRoles().isEmpty()) {
            text.append(" · Teleport roles: ").append(String.join(", ", identity.teleportRoles()));
        }
        if (!identity.databaseRoles().isEmpty()) {
            text.append(" · database roles: ").append(String.join(", ", identity.databaseRoles()));
        }
        Label label = line(UntrustedText.visible(text.toString()));
        label.setId("detailTeleportIdentity");
        return label;
    }

    private static void add(VBox lines, String label, Optional<Instant> at, Instant now) {
        at.ifPresent(instant -> lines.getChildren().add(line(label + ": " + when(instant, now))));
    }

    private static String when(Instant at, Instant now) {
        return WHEN.format(at.atZone(ZoneId.systemDefault())) + " (" + Age.ago(at, now) + ")";
    }

    private static String details(Activity activity) {
        String app = activity.app().isEmpty() ? "" : " · " + activity.app();
        String client = activity.client().isEmpty() ? "" : " · from " + activity.client();
        return UntrustedText.visible(app + client);
    }

    /** What the lock time is: when a listing first found the lock, not when it was set (the server keeps no such time). */
    static final String SEEN_LOCKED = "Seen locked";
    static final String SEEN_LOCKED_MEANS = "When this console first found it locked: the first listing after the lock."
            + " The lock itself may be older (while the console was not running). Cleanup's \"locked for N days\" counts from here.";

    private static Label seenLocked(Label label) {
        label.setId("detailSeenLocked");
        label.setTooltip(new javafx.scene.control.Tooltip(SEEN_LOCKED_MEANS));
        return label;
    }

    private static Label line(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }

    private static Label warning(String text) {
        Label label = line(text);
        label.setId("detailTeleportFailed");
        label.getStyleClass().add(Styles.WARNING);
        return label;
    }

    private static Label muted(String text) {
        Label label = line(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }
}
