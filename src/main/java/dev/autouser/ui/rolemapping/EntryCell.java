package dev.autouser.ui.rolemapping;

import dev.autouser.core.teleport.RoleProblem;
import javafx.scene.control.ListCell;
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
            return;
        }
        List<RoleProblem> problems = problemsFor.apply(entry);
        if (problems.isEmpty()) {
            setText(entry);
            setGraphic(new FontIcon(Feather.CHECK));
            return;
        }
        RoleProblem worst = problems.get(0);
        getStyleClass().add("role-problem-" + worst.severity().name().toLowerCase());
        setGraphic(new FontIcon(worst.severity() == RoleProblem.Severity.NOTE ? Feather.INFO : Feather.ALERT_TRIANGLE));
        setText(entry + "\n" + problems.stream().map(RoleProblem::message).collect(Collectors.joining("\n")));
        setWrapText(true);
    }
}
