package dev.autouser.ui.rolemapping;

import atlantafx.base.theme.Styles;
import dev.autouser.core.teleport.CreateDbUserMode;
import dev.autouser.core.teleport.RoleProblem;
import dev.autouser.ui.support.FieldStates;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationSupport;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Consumer;

/** The role-mapping editor: fields on the left with live validation, YAML and session preview on the right. */
public final class RoleMappingView extends BorderPane {
    private final RoleMappingViewModel model;
    private final SessionPreviewModel session;
    private final ListView<String> allowList = new ListView<>();
    private final ListView<String> denyList = new ListView<>();
    private final ListView<RoleProblem> problemList = new ListView<>();

    public RoleMappingView(RoleMappingViewModel model, SessionPreviewModel session) {
        this.model = model;
        this.session = session;
        setId("roleMappingView");
        setPadding(new Insets(16, 20, 12, 20)); // as the users and audit pages
        setTop(createHeader());
        ScrollPane editor = new ScrollPane(createEditor());
        editor.setFitToWidth(true);
        editor.setId("editorScroll");
        SplitPane split = new SplitPane(editor, createSide());
        split.setDividerPositions(0.5);
        setCenter(split);
        model.problems().addListener((ListChangeListener<RoleProblem>) change -> {
            allowList.refresh();
            denyList.refresh();
        });
    }

    private VBox createHeader() {
        Label title = new Label("Teleport role mapping");
        title.getStyleClass().add(Styles.TITLE_3);
        Button importButton = button("Import…", Feather.UPLOAD, "importButton", model::importFile);
        Button exportButton = button("Export…", Feather.DOWNLOAD, "exportButton", model::exportFile);
        Label summary = new Label();
        summary.setId("summaryLabel");
        summary.textProperty().bind(model.summaryProperty());
        summary.setWrapText(true); // a long verdict (server gone, roles unchecked) wraps instead of being cut
        summary.setMinWidth(0);
        HBox actions = new HBox(8, importButton, exportButton, summary);
        actions.setAlignment(Pos.CENTER_LEFT); // the summary sits on the buttons' middle, not their top
        VBox header = new VBox(8, title, actions);
        header.setPadding(new Insets(0, 0, 12, 0));
        return header;
    }

    private VBox createEditor() {
        TextField name = field("roleNameField", "auto-db-users");
        name.textProperty().bindBidirectional(model.nameProperty());
        ChoiceBox<CreateDbUserMode> mode = new ChoiceBox<>();
        mode.setId("modeChoice");
        mode.getItems().setAll(CreateDbUserMode.values());
        mode.setConverter(new StringConverter<>() {
            @Override
            public String toString(CreateDbUserMode value) {
                return value == null ? "(invalid)" : value.yamlValue();
            }

            @Override
            public CreateDbUserMode fromString(String text) {
                return CreateDbUserMode.parse(text);
            }
        });
        mode.valueProperty().bindBidirectional(model.modeProperty());
        TextArea labels = new TextArea();
        labels.setId("labelsArea");
        labels.setPrefRowCount(2);
        labels.textProperty().bindBidirectional(model.labelsProperty());
        // A db_labels line without "key: value" would only surface as a failed check: mark the field itself.
        ValidationSupport fields = FieldStates.support();
        fields.registerValidator(labels, false, (Control c, String text) ->
                FieldStates.result(c, RoleFields.labelLinesProblem(text), Severity.ERROR));
        TextField names = field("dbNamesField", "*, analytics");
        names.textProperty().bindBidirectional(model.dbNamesProperty());
        GridPane grid = formGrid();
        grid.addRow(0, new Label("metadata.name"), name);
        grid.addRow(1, new Label("create_db_user_mode"), mode);
        grid.addRow(2, new Label("db_labels (key: value)"), labels);
        grid.addRow(3, new Label("db_names"), names);
        model.adminProperty().ifPresent(admin -> {
            // PostgreSQL 16+: whether Teleport may grant a role depends on who its admin is.
            TextField adminField = field("mappingAdminField", "teleport-admin");
            adminField.textProperty().bindBidirectional(admin);
            grid.addRow(4, new Label("Checked for admin_user"), adminField);
        });
        problemList.setId("problemList");
        problemList.setItems(model.problems());
        problemList.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(RoleProblem problem, boolean empty) {
                super.updateItem(problem, empty);
                setText(empty || problem == null ? null : RoleProblemText.sentence(problem));
            }
        });
        // Checks made before the server stopped answering stay readable, visibly dimmed.
        javafx.css.PseudoClass staleState = javafx.css.PseudoClass.getPseudoClass("stale");
        model.staleProperty().addListener((obs, was, now) -> problemList.pseudoClassStateChanged(staleState, now));
        problemList.setPrefHeight(110);
        problemList.setMinHeight(80);
        VBox editor = new VBox(8, grid,
                wrapping(model.hints().allowLabel()),
                entries(allowList, "allowList", model.allowRoles(), "newAllowField", "addAllowButton", model::addAllowRole, 230),
                new Label("deny.db_roles"),
                entries(denyList, "denyList", model.denyRoles(), "newDenyField", "addDenyButton", model::addDenyRole, 90),
                new Label("All findings"), problemList);
        VBox.setVgrow(allowList, Priority.ALWAYS);
        editor.setPadding(new Insets(0, 12, 0, 0));
        return editor;
    }

    private VBox entries(ListView<String> list, String id, ObservableList<String> items, String fieldId, String buttonId,
                         Consumer<String> add, double height) {
        list.setId(id);
        list.setItems(items);
        list.setPrefHeight(height);
        list.setMinHeight(Math.min(height, 120));
        list.setCellFactory(l -> new EntryCell(model::problemsFor, model::suggestionFor, model::applySuggestion));
        list.setEditable(true);
        // An edited entry is a new value: the list's edit commit replaces it (and revalidation follows).
        list.setOnEditCommit(e -> {
            if (items.contains(e.getNewValue()) && !items.get(e.getIndex()).equals(e.getNewValue())) {
                items.remove(e.getIndex()); // the edit made it a duplicate of another entry
            } else {
                items.set(e.getIndex(), e.getNewValue());
            }
        });
        TextField newEntry = field(fieldId, model.hints().entryPrompt());
        Button addButton = button("Add", Feather.PLUS, buttonId, () -> {
            add.accept(newEntry.getText());
            newEntry.clear();
        });
        newEntry.setOnAction(e -> addButton.fire());
        Button remove = button("Remove", Feather.TRASH_2, id.replace("List", "RemoveButton"),
                () -> items.remove(list.getSelectionModel().getSelectedItem()));
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        HBox.setHgrow(newEntry, Priority.ALWAYS);
        return new VBox(4, list, new HBox(6, newEntry, addButton, remove));
    }

    private TabPane createSide() {
        TextArea yaml = new TextArea();
        yaml.setId("roleYamlArea");
        yaml.setEditable(false);
        yaml.getStyleClass().add("code");
        yaml.textProperty().bind(model.yamlProperty());
        Button copy = button("Copy YAML", Feather.COPY, "copyRoleYamlButton", model::copyYaml);
        VBox yamlPane = new VBox(8, yaml, copy);
        VBox.setVgrow(yaml, Priority.ALWAYS);
        TabPane tabs = new TabPane(new Tab("YAML for tctl", yamlPane), new Tab(session.canSimulate() ? "Preview & simulate" : "Preview", new SessionPane(model, session)));
        tabs.setId("roleTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    /** Two columns: labels at their full width, fields taking the rest. */
    static GridPane formGrid() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);
        return grid;
    }

    static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }

    static Button button(String text, Feather icon, String id, Runnable action) {
        Button button = new Button(text, new FontIcon(icon));
        button.setId(id);
        button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // "Add" read "A…" at 1024 px
        button.setOnAction(e -> action.run());
        return button;
    }

    private static Label wrapping(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }
}
