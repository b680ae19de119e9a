package dev.autouser.ui.audit;

import dev.autouser.core.audit.Outcome;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Server, run, user, outcome and time range; wraps onto a second line in a narrow window. */
final class AuditFilterBar extends FlowPane {
    private static final String ANY_SERVER = "All servers";

    private final TextField user = new TextField();

    AuditFilterBar(AuditViewModel model) {
        super(8, 6);
        setAlignment(Pos.CENTER_LEFT);
        setId("auditFilters");

        ComboBox<String> server = new ComboBox<>();
        server.setId("auditServerFilter");
        server.setPrefWidth(150);
        ObservableList<String> choices = FXCollections.observableArrayList(ANY_SERVER);
        model.servers().addListener((ListChangeListener<String>) c -> {
            List<String> all = new ArrayList<>(List.of(ANY_SERVER));
            all.addAll(model.servers());
            choices.setAll(all);
            // Replacing the items clears the shown value: show the filter again.
            server.setValue(model.serverProperty().get().isEmpty() ? ANY_SERVER : model.serverProperty().get());
        });
        server.setItems(choices);
        server.getSelectionModel().select(ANY_SERVER);
        server.valueProperty().addListener((obs, was, now) -> model.serverProperty().set(now == null || now.equals(ANY_SERVER) ? "" : now));
        model.serverProperty().addListener((obs, was, now) -> server.setValue(now.isEmpty() ? ANY_SERVER : now));

        user.setId("auditUserFilter");
        user.setPromptText("Target user");
        user.setPrefWidth(130);
        user.textProperty().bindBidirectional(model.userProperty());

        TextField run = new TextField();
        run.setId("auditRunFilter");
        run.setPromptText("Run id");
        run.setPrefWidth(130);
        run.textProperty().bindBidirectional(model.runProperty());

        ComboBox<Outcome> outcome = new ComboBox<>();
        outcome.setId("auditOutcomeFilter");
        List<Outcome> outcomes = new ArrayList<>();
        outcomes.add(null);
        outcomes.addAll(Arrays.asList(Outcome.values()));
        outcome.setItems(FXCollections.observableArrayList(outcomes));
        outcome.setCellFactory(list -> new OutcomeCell());
        outcome.setButtonCell(new OutcomeCell());
        outcome.valueProperty().bindBidirectional(model.outcomeProperty());
        outcome.setPrefWidth(160);
        outcome.setMinWidth(160); // "Any outcome" stays whole at 1024 px

        DatePicker from = new DatePicker();
        from.setId("auditFromFilter");
        from.setPromptText("From");
        from.setPrefWidth(125);
        from.valueProperty().bindBidirectional(model.fromProperty());
        DatePicker to = new DatePicker();
        to.setId("auditToFilter");
        to.setPromptText("To");
        to.setPrefWidth(125);
        to.valueProperty().bindBidirectional(model.toProperty());

        Button clear = new Button(null, new FontIcon(Feather.X));
        clear.setId("auditClearFilters");
        clear.setTooltip(new Tooltip("Clear every filter"));
        clear.setOnAction(e -> model.clearFilters());

        HBox range = new HBox(4, from, new Label("–"), to, clear);
        range.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(new FontIcon(Feather.FILTER), server, user, run, outcome, range);
    }

    void focusUser() {
        user.requestFocus();
    }

    /** "Any outcome" for no filter, else the outcome's word. */
    private static final class OutcomeCell extends ListCell<Outcome> {
        @Override
        protected void updateItem(Outcome item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item == null ? "Any outcome" : item.word().replace('_', ' '));
        }
    }
}
