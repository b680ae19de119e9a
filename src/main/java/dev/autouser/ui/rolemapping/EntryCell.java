package dev.autouser.ui.rolemapping;

import dev.autouser.core.teleport.RoleProblem;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A db_roles entry with its problems (and fix suggestions) written underneath. */
final class EntryCell extends ListCell<String> {
    private static final List<String> STYLES = List.of("role-problem-error", "role-problem-warning", "role-problem-note");
    private final Function<String, List<RoleProblem>> problemsFor;

    EntryCell(Function<String, List<RoleProblem>> problemsFor) {
        this.problemsFor = problemsFor;
    }

    @Override
    protected void updateItem(String entry, boolean empty) {
        super.updateItem(entry, empty);
        getStyleClass().removeAll(STYLES);
        if (empty || entry == null) {
            setText(null);
            setGraphic(null);
            setTooltip(null);
            return;
        }
        List<RoleProblem> problems = problemsFor.apply(entry);
        if (problems.isEmpty()) {
            setText(entry);
            setContentDisplay(ContentDisplay.LEFT);
            setTooltip(null);
            setGraphic(new FontIcon(Feather.CHECK));
            return;
        }
        RoleProblem worst = problems.get(0);
        getStyleClass().add("role-problem-" + worst.severity().name().toLowerCase());
        String messages = problems.stream().map(RoleProblem::message).collect(Collectors.joining("\n"));
        Label message = new Label(messages);
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.getStyleClass().add("entry-problem");
        if (getListView() != null) {
            // Wrap within the list's width instead of eliding the fix suggestion.
            message.maxWidthProperty().bind(getListView().widthProperty().subtract(70));
        }
        FontIcon icon = new FontIcon(worst.severity() == RoleProblem.Severity.NOTE ? Feather.INFO : Feather.ALERT_TRIANGLE);
        setText(entry + "\n" + messages);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        setGraphic(new HBox(8, icon, new VBox(2, new Label(entry), message)));
        setTooltip(new Tooltip(getText()));
    }
}
