package dev.autouser.ui.support;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds labels and buttons whose text the skin had to cut ("Auto-…", "A…"): the skin puts what it
 * renders into an inner {@link Text}, which differs from the control's text when it was clipped.
 */
public final class Truncation {
    private Truncation() {
    }

    /** "id: 'full text' shown as 'cut…'" for each visible, truncated control under {@code root}. */
    public static List<String> truncatedUnder(Parent root) {
        List<String> cut = new ArrayList<>();
        collect(root, cut);
        return cut;
    }

    /** "Header 'Teleport user' shown as 'Teleport…'" for each visible table column header whose title is cut. */
    public static List<String> truncatedHeadersUnder(Parent root) {
        List<String> cut = new ArrayList<>();
        for (Node header : root.lookupAll(".column-header")) {
            if (header.isVisible() && header.lookup(".label") instanceof Labeled title && isTruncated(title)) {
                cut.add("header '" + title.getText() + "' shown as '" + shownText(title).map(Text::getText).orElse("") + "'");
            }
        }
        return cut;
    }

    public static boolean isTruncated(Labeled labeled) {
        String full = labeled.getText();
        if (full == null || full.isEmpty() || !labeled.isVisible()) {
            return false;
        }
        // No text node of its own (a menu button): the inner label that shows the text is checked instead.
        return shownText(labeled).map(shown -> !full.equals(shown.getText())).orElse(false);
    }

    /** The skin's text node (a graphic such as an icon font is a Text too, but not this one). */
    private static java.util.Optional<Text> shownText(Labeled labeled) {
        return labeled.getChildrenUnmodifiable().stream()
                .filter(node -> node.getClass().getSimpleName().equals("LabeledText")).map(Text.class::cast).findFirst();
    }

    private static void collect(Node node, List<String> cut) {
        // Cells of tables and lists may cut long data (with a tooltip or a detail pane); controls may not.
        if (!node.isVisible() || node instanceof javafx.scene.control.TableView<?> || node instanceof javafx.scene.control.TreeTableView<?>
                || node instanceof javafx.scene.control.ListView<?>) {
            return;
        }
        if (node instanceof Labeled labeled && isTruncated(labeled)) {
            cut.add((labeled.getId() == null ? labeled.getClass().getSimpleName() : labeled.getId()) + ": '"
                    + labeled.getText() + "' shown as '" + shownText(labeled).map(Text::getText).orElse("") + "'");
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, cut));
        }
    }
}
