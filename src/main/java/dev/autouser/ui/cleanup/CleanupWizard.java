package dev.autouser.ui.cleanup;

import atlantafx.base.theme.Styles;
import dev.autouser.core.engine.Engine;
import dev.autouser.core.policy.PolicyDecision;
import dev.autouser.core.provisioning.CleanupAction;
import dev.autouser.core.provisioning.PlannedAction;
import dev.autouser.core.provisioning.UserResult;
import dev.autouser.ui.support.Theme;
import dev.autouser.ui.support.WindowFit;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Function;

/** The cleanup wizard window: one page per step of {@link CleanupViewModel}. */
public final class CleanupWizard extends BorderPane {
    private final CleanupViewModel model;
    private final Label stepTitle = new Label();
    private final Runnable close;

    public CleanupWizard(CleanupViewModel model, Runnable close) {
        this.model = model;
        this.close = close;
        createView();
        bind();
    }

    /** Opens the wizard as a modal window over {@code owner}. */
    public static Stage open(Window owner, CleanupViewModel model) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Clean up stale auto-users");
        CleanupWizard wizard = new CleanupWizard(model, stage::close);
        // Never wider or taller than the console's screen, centred on the console (1024x700 included).
        WindowFit.limit(wizard, owner, 820);
        wizard.setPrefHeight(Math.min(600, wizard.getMaxHeight()));
        Scene scene = new Scene(wizard);
        Theme.style(scene);
        stage.setScene(scene);
        stage.setOnShown(e -> WindowFit.centre(stage, owner));
        stage.show();
        return stage;
    }

    private void createView() {
        stepTitle.getStyleClass().add(Styles.TITLE_3);
        stepTitle.setId("cleanupStepTitle");
        setTop(stepTitle);
        setPadding(new Insets(20));
        BorderPane.setMargin(stepTitle, new Insets(0, 0, 12, 0));
        setId("cleanupWizard");
        getStyleClass().add("cleanup-wizard");
    }

    private void bind() {
        model.stepProperty().addListener((obs, was, step) -> showStep(step));
        showStep(model.stepProperty().get());
    }

    private void showStep(CleanupViewModel.Step step) {
        switch (step) {
            case CRITERIA -> show("1 · Choose which users", criteriaPage());
            case PLAN -> show("2 · Review the plan (dry run: nothing has changed yet)", planPage());
            case RUNNING -> show("3 · Working…", runningPage());
            case RESULTS -> show("4 · Results", resultsPage());
        }
    }

    private void show(String title, Node page) {
        stepTitle.setText(title);
        setCenter(page);
    }

    private Node criteriaPage() {
        ToggleGroup scopes = new ToggleGroup();
        VBox scopeBox = new VBox(6);
        for (CleanupViewModel.Scope scope : CleanupViewModel.Scope.values()) {
            RadioButton radio = new RadioButton(scope.toString());
            radio.setId("scope" + scope.name());
            radio.setToggleGroup(scopes);
            radio.setSelected(model.scopeProperty().get() == scope);
            radio.setOnAction(e -> model.scopeProperty().set(scope));
            scopeBox.getChildren().add(radio);
        }
        ToggleGroup actions = new ToggleGroup();
        RadioButton drop = actionRadio("actionDrop", "Drop them (lock, verify no connection, "
                + (model.engine() == Engine.POSTGRESQL ? "DROP ROLE" : "dropUser") + ")", CleanupAction.DROP, actions);
        RadioButton lock = actionRadio("actionLock", "Lock them (Teleport's deactivate: no roles, no new logins)", CleanupAction.LOCK, actions);
        drop.disableProperty().bind(model.scopeProperty().isEqualTo(CleanupViewModel.Scope.BY_AGE));
        lock.disableProperty().bind(drop.disableProperty());
        Node byAge = byAgeCriteria();
        byAge.disableProperty().bind(model.scopeProperty().isNotEqualTo(CleanupViewModel.Scope.BY_AGE));
        Label note = new Label("Users with a live connection are never included. Every user is re-checked right before it is changed."
                + " By age, users whose age no source knows are listed, never included.");
        note.setWrapText(true);
        note.getStyleClass().add(Styles.TEXT_MUTED);
        Button plan = new Button("Show the plan", new FontIcon(Feather.LIST));
        plan.setId("cleanupPlanButton");
        plan.getStyleClass().add(Styles.ACCENT);
        plan.setDefaultButton(true);
        plan.disableProperty().bind(model.busyProperty());
        plan.setOnAction(e -> model.makePlan());
        Button cancel = button("cleanupCancelButton", "Cancel", close);
        scopeBox.getChildren().add(1, byAge);
        VBox page = new VBox(14, bold("Which users"), scopeBox, bold("What to do with users chosen by state"),
                new VBox(6, drop, lock), note);
        page.setFillWidth(true);
        setBottom(buttons(cancel, plan));
        return page;
    }

    /** The same criteria as a policy file: lock after N minutes not cleaned up; drop after N days locked and inactive. */
    private Node byAgeCriteria() {
        PolicyCriteria criteria = model.policyCriteria();
        CheckBox lock = new CheckBox("Lock users not cleaned up for more than");
        lock.setId("policyLock");
        lock.selectedProperty().bindBidirectional(criteria.lockProperty());
        Spinner<Integer> minutes = spinner("policyLockMinutes", 1, 10_080, criteria.lockAfterMinutesProperty());
        minutes.disableProperty().bind(lock.selectedProperty().not());
        CheckBox drop = new CheckBox("Drop users locked for more than");
        drop.setId("policyDrop");
        drop.selectedProperty().bindBidirectional(criteria.dropProperty());
        Spinner<Integer> lockedDays = spinner("policyDropLockedDays", 1, 3650, criteria.dropLockedDaysProperty());
        Spinner<Integer> inactiveDays = spinner("policyDropInactiveDays", 1, 3650, criteria.dropInactiveDaysProperty());
        lockedDays.disableProperty().bind(drop.selectedProperty().not());
        inactiveDays.disableProperty().bind(drop.selectedProperty().not());
        FlowPane lockRow = row(lock, minutes, new Label("minutes"));
        FlowPane dropRow = row(drop, lockedDays, new Label("days and not active for"), inactiveDays, new Label("days"));
        VBox box = new VBox(6, lockRow, dropRow);
        if (model.canImportTeleport()) {
            box.getChildren().add(teleportImportRow());
        }
        box.setId("policyCriteria");
        box.setPadding(new Insets(2, 0, 6, 24));
        return box;
    }

    /** Teleport's audit events as evidence: the file backend's JSON lines or the web UI's export. */
    private Node teleportImportRow() {
        Button importButton = new Button("Import Teleport audit events…", new FontIcon(Feather.UPLOAD));
        importButton.setId("teleportImportButton");
        importButton.disableProperty().bind(model.busyProperty());
        importButton.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Teleport audit events (JSON lines or the web UI's JSON export)");
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter("Teleport audit events", "*.log", "*.json", "*.jsonl"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            java.io.File chosen = chooser.showOpenDialog(getScene().getWindow());
            if (chosen != null) {
                model.importTeleport(chosen.toPath());
            }
        });
        Label summary = new Label();
        summary.setId("teleportImportSummary");
        summary.setWrapText(true);
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(model.importSummaryProperty());
        return new VBox(4, importButton, summary);
    }

    private static Spinner<Integer> spinner(String id, int min, int max, javafx.beans.property.IntegerProperty value) {
        Spinner<Integer> spinner = new Spinner<>(min, max, value.get());
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setPrefWidth(90);
        spinner.valueProperty().addListener((obs, was, now) -> value.set(now));
        return spinner;
    }

    private static FlowPane row(Node... nodes) {
        FlowPane row = new FlowPane(6, 4, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private RadioButton actionRadio(String id, String text, CleanupAction action, ToggleGroup group) {
        RadioButton radio = new RadioButton(text);
        radio.setId(id);
        radio.setToggleGroup(group);
        radio.setSelected(model.actionProperty().get() == action);
        radio.setOnAction(e -> model.actionProperty().set(action));
        return radio;
    }

    private Node planPage() {
        TableView<PlannedAction> table = new TableView<>(model.planned());
        table.setId("cleanupPlanTable");
        Label empty = new Label();
        empty.textProperty().bind(javafx.beans.binding.Bindings.when(model.refusalsProperty().isEmpty())
                .then(model.scopeProperty().get() == CleanupViewModel.Scope.BY_AGE
                        ? "No user is old enough by these criteria: nothing to clean up." : "No auto-user matches: nothing to clean up.")
                .otherwise("Every user it would take is left out (see above)."));
        table.setPlaceholder(empty);
        table.getColumns().setAll(java.util.List.of(
                column("User", 200, PlannedAction::mongoName),
                // PostgreSQL's "stays locked (owns objects)" needs the room; the reasons show whole in their tooltips
                column("Action", model.engine() == Engine.POSTGRESQL ? 225 : 80, model.ownedObjects()::actionOf),
                column("Why", 360, PlannedAction::reason)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TextArea commands = new TextArea();
        commands.setId("cleanupCommands");
        commands.setEditable(false);
        commands.setWrapText(true);
        commands.getStyleClass().add("command-text");
        commands.textProperty().bind(model.commandsProperty());
        VBox.setVgrow(table, Priority.ALWAYS);
        Button back = button("cleanupBackButton", "Back", model::back);
        Button run = new Button();
        run.setId("cleanupRunButton");
        run.textProperty().bind(model.runLabelProperty());
        run.setGraphic(new FontIcon(Feather.TRASH_2));
        run.getStyleClass().add(Styles.DANGER);
        run.disableProperty().bind(model.canRunProperty().not().or(model.ownedObjects().awaitingRoleProperty()));
        run.setOnAction(e -> model.run());
        // The plan page is the dry run; the button is the last step (no second question, unlike the Users page's Drop)
        Label runsNow = wrappedLabel("cleanupRunsNow", javafx.beans.binding.Bindings.concat("Clicking “",
                model.runLabelProperty(), "” runs the plan at once, without another question; until then nothing has changed."));
        runsNow.visibleProperty().bind(model.canRunProperty());
        runsNow.managedProperty().bind(runsNow.visibleProperty());
        HBox bottom = buttons(button("cleanupCancelButton", "Cancel", close), back, run);
        setBottom(new VBox(8, runsNow, bottom));
        Label refusals = new Label();
        refusals.setId("cleanupRefusals");
        refusals.setWrapText(true);
        // Wrapped in full: the reason names the host and the way round it.
        refusals.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        refusals.textProperty().bind(model.refusalsProperty());
        refusals.visibleProperty().bind(model.refusalsProperty().isNotEmpty());
        refusals.managedProperty().bind(refusals.visibleProperty());
        javafx.scene.control.CheckBox override = new javafx.scene.control.CheckBox();
        override.setId("cleanupOverrideCheck");
        override.setWrapText(true);
        override.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        override.getStyleClass().add("override-check");
        override.textProperty().bind(model.overrideCheckProperty());
        override.visibleProperty().bind(model.overrideCheckProperty().isNotEmpty());
        override.managedProperty().bind(override.visibleProperty());
        override.selectedProperty().bindBidirectional(model.overrideProperty());
        VBox page = new VBox(10, refusals, override, ownedObjectsBox(), table, bold("Exact commands, in order"), commands);
        if (model.engine() == Engine.POSTGRESQL) {
            // Each PostgreSQL statement is a DO block that re-checks the role on the server: several lines each,
            // so the commands share the height with the table instead of showing two lines.
            commands.setPrefRowCount(6);
            VBox.setVgrow(commands, Priority.ALWAYS);
            table.setPrefHeight(160);
        }
        if (!model.notIncluded().isEmpty()) {
            TableView<PolicyDecision> left = new TableView<>(model.notIncluded());
            left.setId("cleanupNotIncludedTable");
            left.getColumns().setAll(java.util.List.of(
                    column("User", 200, PolicyDecision::mongoName),
                    column("Why not in the plan", 440, PolicyDecision::reason)));
            left.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
            left.setMinHeight(110);
            table.setMinHeight(110);
            commands.setPrefRowCount(3);
            VBox.setVgrow(left, Priority.ALWAYS);
            page.getChildren().addAll(bold("Not in the plan (" + model.notIncluded().size()
                    + "): age unknown or never seen active"), left);
        }
        return page;
    }


    /**
     * PostgreSQL refuses to drop a role that owns objects: the person keeps those users locked, as
     * Teleport does (the default), or picks a role to take the objects; either choice plans again, so the
     * commands below are what runs. Shown only when the plan drops such users.
     */
    private Node ownedObjectsBox() {
        PlanOwners choice = model.ownedObjects();
        Label owners = wrappedLabel("cleanupOwners", javafx.beans.binding.Bindings.concat("Own objects: ",
                choice.ownersProperty(), ". PostgreSQL refuses to drop a role that owns objects."));
        ToggleGroup group = new ToggleGroup();
        RadioButton keep = new RadioButton("Keep them locked, as Teleport does (TP004)");
        keep.setId("cleanupOwnersKeepLocked");
        RadioButton reassign = new RadioButton("Reassign their objects to");
        reassign.setId("cleanupOwnersReassign");
        keep.setToggleGroup(group);
        reassign.setToggleGroup(group);
        (choice.newOwnerProperty().get().isEmpty() ? keep : reassign).setSelected(true);
        javafx.scene.control.ComboBox<String> role = new javafx.scene.control.ComboBox<>(choice.candidates());
        role.setId("cleanupNewOwner");
        // No role until the person picks one: a preselected role (the connected superuser comes first) would
        // hand application tables to a personal login with one click.
        role.setValue(choice.newOwnerProperty().get().isEmpty() ? null : choice.newOwnerProperty().get());
        role.setPromptText("choose a role, e.g. the application's owner role");
        role.disableProperty().bind(reassign.selectedProperty().not());
        keep.setOnAction(e -> {
            choice.awaitRole(false);
            model.keepOwnersLocked();
        });
        reassign.setOnAction(e -> {
            if (role.getValue() != null) {
                choice.awaitRole(false);
                model.reassignOwnedTo(role.getValue());
            } else {
                choice.awaitRole(true);
            }
        });
        role.setOnAction(e -> {
            if (reassign.isSelected() && role.getValue() != null
                    && !role.getValue().equals(choice.newOwnerProperty().get())) {
                choice.awaitRole(false);
                model.reassignOwnedTo(role.getValue());
            }
        });
        keep.disableProperty().bind(model.busyProperty());
        reassign.disableProperty().bind(model.busyProperty());
        // planning again lists again: say so while it runs, and then who came in or left
        javafx.scene.control.ProgressIndicator planning = new javafx.scene.control.ProgressIndicator();
        planning.setPrefSize(16, 16);
        planning.visibleProperty().bind(model.busyProperty());
        planning.managedProperty().bind(planning.visibleProperty());
        Label replanned = wrappedLabel("cleanupReplanned", model.replannedProperty());
        HBox replanRow = new HBox(6, planning, replanned);
        replanRow.setAlignment(Pos.CENTER_LEFT);
        replanRow.visibleProperty().bind(model.replannedProperty().isNotEmpty());
        replanRow.managedProperty().bind(replanRow.visibleProperty());
        VBox box = new VBox(6, owners, keep, row(reassign, role), replanRow);
        box.setId("cleanupOwnedObjects");
        box.getStyleClass().add("owned-objects-choice");
        box.visibleProperty().bind(choice.ownersProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node runningPage() {
        ProgressBar bar = new ProgressBar();
        bar.setId("cleanupProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progressProperty());
        Label text = new Label();
        text.setId("cleanupProgressText");
        text.textProperty().bind(model.progressTextProperty());
        setBottom(null);
        if (model.canStop()) {
            Button stop = new Button();
            stop.setId("cleanupStopButton");
            stop.textProperty().bind(javafx.beans.binding.Bindings.when(model.stoppingProperty())
                    .then("Stopping after this user…").otherwise("Stop after this user"));
            stop.disableProperty().bind(model.stoppingProperty());
            stop.setOnAction(e -> model.stop());
            setBottom(buttons(stop));
        }
        return new VBox(12, bar, text, resultsTable());
    }

    private Node resultsPage() {
        Label summary = new Label();
        summary.setId("cleanupSummary");
        summary.getStyleClass().add(Styles.TEXT_BOLD);
        summary.textProperty().bind(model.summaryProperty());
        Node table = resultsTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        Button done = button("cleanupCloseButton", "Close", close);
        done.getStyleClass().add(Styles.ACCENT);
        done.setDefaultButton(true);
        setBottom(buttons(done));
        return new VBox(12, summary, table);
    }

    private TableView<UserResult> resultsTable() {
        TableView<UserResult> table = new TableView<>(model.results());
        table.setId("cleanupResultsTable");
        table.getColumns().setAll(java.util.List.of(
                column("User", 200, UserResult::mongoName),
                column("Result", 90, r -> r.status().name().toLowerCase()),
                wrapped(column("Detail", 400, UserResult::detail))));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    /** A text column whose cells show their whole text as a tooltip (reasons and details are often cut). */
    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.isEmpty() ? null : tooltip(text));
            }
        });
        return column;
    }

    /**
     * Cells that wrap their text to the column's width, with the whole text in a tooltip too: an outcome
     * ("dropped; …") or a reason must never be cut off.
     */
    private static <T> TableColumn<T, String> wrapped(TableColumn<T, String> column) {
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            private final javafx.scene.text.Text text = new javafx.scene.text.Text();

            {
                text.wrappingWidthProperty().bind(column.widthProperty().subtract(12));
                text.fillProperty().bind(textFillProperty());
                text.fontProperty().bind(fontProperty());
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                boolean blank = empty || item == null;
                text.setText(blank ? "" : item);
                setGraphic(blank ? null : text);
                setTooltip(blank ? null : tooltip(item));
            }
        });
        return column;
    }

    /** A label that wraps and always shows all of its lines. */
    private static Label wrappedLabel(String id, javafx.beans.value.ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        label.textProperty().bind(text);
        return label;
    }

    private static javafx.scene.control.Tooltip tooltip(String text) {
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip(text);
        tip.setWrapText(true);
        tip.setMaxWidth(520);
        return tip;
    }

    private static Button button(String id, String text, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    private static Label bold(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        return label;
    }

    private static HBox buttons(Node... nodes) {
        HBox box = new HBox(10, nodes);
        box.setAlignment(Pos.CENTER_RIGHT);
        box.setPadding(new Insets(14, 0, 0, 0));
        return box;
    }
}
