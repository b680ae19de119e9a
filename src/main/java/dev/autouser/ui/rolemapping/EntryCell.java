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
    private final Function<String, java.util.Optional<String>> suggestionFor;
    private final java.util.function.Consumer<String> applySuggestion;

    EntryCell(Function<String, List<RoleProblem>> problemsFor, Function<String, java.util.Optional<String>> suggestionFor,
              java.util.function.Consumer<String> applySuggestion) {
        this.problemsFor = problemsFor;
        this.suggestionFor = suggestionFor;
        this.applySuggestion = applySuggestion;
    }

    /** Double-click (or F2) edits the entry where it stands; Enter keeps the change, Escape drops it. */
    @Override
    public void startEdit() {
        super.startEdit();
        if (!isEditing()) {
            return;
        }
        javafx.scene.control.TextField field = new javafx.scene.control.TextField(getItem());
        field.setId("entryEditField");
        field.setOnAction(e -> {
            String edited = field.getText().strip();
            if (edited.isEmpty()) {
                cancelEdit();
            } else {
                commitEdit(edited);
            }
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                cancelEdit();
            }
        });
        setText(null);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        setGraphic(field);
        field.requestFocus();
        field.selectAll();
    }

    @Override
    public void cancelEdit() {
        super.cancelEdit();
        updateItem(getItem(), isEmpty());
    }

    @Override
    protected void updateItem(String entry, boolean empty) {
        super.updateItem(entry, empty);
        if (isEditing()) {
            return;
        }
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
        VBox text = new VBox(2, new Label(entry), message);
        suggestionFor.apply(entry).ifPresent(fixed -> {
            // "Did you mean" in one click: the entry is replaced by the suggestion, in place.
            javafx.scene.control.Button use = new javafx.scene.control.Button("Use " + fixed);
            use.setId("applySuggestionButton");
            use.getStyleClass().addAll(atlantafx.base.theme.Styles.SMALL, atlantafx.base.theme.Styles.ACCENT);
            use.setOnAction(e -> applySuggestion.accept(entry));
            text.getChildren().add(use);
        });
        setGraphic(new HBox(8, icon, text));
        setTooltip(new Tooltip(getText()));
    }
}
