package dev.autouser.ui.connect;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.autouser.core.mongo.AuthMechanism;
import dev.autouser.core.mongo.ConnectionProfile;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;

/** The connect screen: saved profiles and the demo server on the left, the profile form on the right. */
public final class ConnectView extends BorderPane {
    private final ConnectViewModel model;
    private final ListView<ConnectionProfile> profileList = new ListView<>();
    private final VBox warningsBox = new VBox(6);

    public ConnectView(ConnectViewModel model) {
        this.model = model;
        createView();
        bind();
        model.loadProfiles();
    }

    private void createView() {
        setLeft(createProfiles());
        ScrollPane form = new ScrollPane(createForm());
        form.setFitToWidth(true);
        ScrollPane welcome = new ScrollPane(new WelcomePane(model));
        welcome.setFitToWidth(true);
        centerProperty().bind(model.welcomeProperty().map(first -> first ? welcome : form));
        setId("connectView");
        getStyleClass().add("connect-view");
    }

    private Node createProfiles() {
        Button demo = new Button("Demo server", new FontIcon(Feather.PLAY_CIRCLE));
        demo.setId("demoServerButton");
        demo.getStyleClass().addAll(Styles.SUCCESS, "demo-button");
        demo.setMaxWidth(Double.MAX_VALUE);
        demo.setOnAction(e -> model.startDemo());
        demo.disableProperty().bind(model.busyProperty());
        Label demoHint = new Label("Starts the embedded MongoDB-compatible sandbox with TLS, its own CA and live demo users.");
        demoHint.setWrapText(true);
        // A short window shrinks the profile list, never the hint: a wrapped label squeezed below its
        // height shows "…" in the middle of a sentence.
        demoHint.setMinHeight(Region.USE_PREF_SIZE);
        demoHint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Label saved = new Label("Saved profiles");
        saved.getStyleClass().add(Styles.TITLE_4);
        profileList.setId("profileList");
        profileList.setPlaceholder(new Label("No saved profiles yet"));
        profileList.setCellFactory(list -> new ProfileCell());
        VBox.setVgrow(profileList, Priority.ALWAYS);
        Button newProfile = iconButton("newProfileButton", Feather.PLUS, "New");
        newProfile.setOnAction(e -> {
            profileList.getSelectionModel().clearSelection();
            model.newConnection();
        });
        Button delete = iconButton("deleteProfileButton", Feather.TRASH_2, "Delete");
        delete.disableProperty().bind(profileList.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(e -> model.delete(profileList.getSelectionModel().getSelectedItem()));
        Button postgresDemo = new Button("PostgreSQL demo", new FontIcon(Feather.PLAY_CIRCLE));
        postgresDemo.setId("demoPostgresButton");
        postgresDemo.getStyleClass().add("demo-button");
        postgresDemo.setMaxWidth(Double.MAX_VALUE);
        postgresDemo.setOnAction(e -> model.startPostgresDemo());
        postgresDemo.disableProperty().bind(model.busyProperty());
        Label postgresHint = new Label("Starts a real embedded PostgreSQL with TLS, its own CA and Teleport's auto-users.");
        postgresHint.setWrapText(true);
        postgresHint.setMinHeight(Region.USE_PREF_SIZE);
        postgresHint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox box = new VBox(10, demo, demoHint, postgresDemo, postgresHint, saved, profileList, new HBox(8, newProfile, delete));
        box.setPadding(new Insets(16));
        box.setPrefWidth(260);
        box.getStyleClass().add("profiles-pane");
        return box;
    }

    private Node createForm() {
        Label title = new Label();
        title.textProperty().bind(model.engineProperty().map(engine -> "Connect to " + engine.displayName()));
        title.getStyleClass().add("page-title");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.getColumnConstraints().addAll(new ColumnConstraints(150), grow(), new ColumnConstraints());
        int row = 0;
        grid.addRow(row++, label("Profile name"), field("nameField", model.nameProperty(), "e.g. prod-east"));
        TextField uriField = field("uriField", model.uriProperty(),
                "mongodb://host:27017/?tls=true or postgresql://host:5432/db?sslmode=verify-full");
        TextField caField = field("caFileField", model.caFileProperty(), "ca.pem or .cas bundle");
        TextField certField = field("certFileField", model.certFileProperty(), "certificate, or certificate + key in one PEM");
        TextField keyField = field("keyFileField", model.keyFileProperty(), "only when the key is in a separate file");
        grid.addRow(row++, label("Connection string"), uriField);
        grid.addRow(row++, label("Authentication"), authChoice());
        grid.addRow(row++, label("TLS CA file"), caField, browse("caBrowseButton", model::chooseCaFile));
        grid.addRow(row++, label("Client certificate"), certField, browse("certBrowseButton", model::chooseCertFile));
        grid.addRow(row++, label("Private key"), keyField, browse("keyBrowseButton", model::chooseKeyFile));
        Label subject = new Label();
        subject.setId("subjectLabel");
        subject.textProperty().bind(model.subjectProperty());
        subject.getStyleClass().add(Styles.TEXT_MUTED);
        grid.add(subject, 1, row++, 2, 1);
        TextField username = field("usernameField", model.usernameProperty(), "SCRAM user");
        PasswordField password = new PasswordField();
        password.setId("passwordField");
        password.setPromptText("never saved");
        password.textProperty().bindBidirectional(model.passwordProperty());
        Label userLabel = label("Username");
        Label passLabel = label("Password");
        grid.addRow(row++, userLabel, username);
        grid.addRow(row++, passLabel, password);
        for (Node node : new Node[] {username, password, userLabel, passLabel}) {
            node.visibleProperty().bind(model.authProperty().isEqualTo(AuthMechanism.SCRAM));
            node.managedProperty().bind(node.visibleProperty());
        }
        // PostgreSQL takes its user from the URI (or the certificate's CN), as libpq does.
        for (Node node : new Node[] {username, userLabel}) {
            node.visibleProperty().bind(model.authProperty().isEqualTo(AuthMechanism.SCRAM)
                    .and(javafx.beans.binding.Bindings.createBooleanBinding(() -> model.engineProperty().getValue()
                            == dev.autouser.core.engine.Engine.MONGODB, model.engineProperty())));
        }
        Label postgresHint = new Label("PostgreSQL: the user goes in the URI (postgresql://USER@HOST:5432/DB, or the"
                + " certificate's CN names it), sslmode=verify-full or require; the CA, certificate and key are the files"
                + " tctl auth sign --format=db writes (read in memory, never converted on disk).");
        postgresHint.setId("postgresHint");
        postgresHint.setWrapText(true);
        postgresHint.setMinHeight(Region.USE_PREF_SIZE);
        postgresHint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        postgresHint.visibleProperty().bind(model.engineProperty().map(engine -> engine == dev.autouser.core.engine.Engine.POSTGRESQL));
        postgresHint.managedProperty().bind(postgresHint.visibleProperty());
        grid.add(postgresHint, 1, row++, 2, 1);
        CheckBox insecure = new CheckBox("Accept any server certificate (turns TLS verification off)");
        insecure.setWrapText(true);
        insecure.setId("tlsAllowInvalidCheck");
        insecure.selectedProperty().bindBidirectional(model.tlsAllowInvalidProperty());
        grid.add(insecure, 1, row++, 2, 1);
        warningsBox.setId("warningsBox");
        // before the validation is installed: margins set after it left the fields unmarked (ConnectFormValidationFxTest)
        spaceRowsBetweenShownNodes(grid, 10);
        Label problems = FormValidation.install(model, uriField, caField, certField, keyField);
        VBox form = new VBox(16, title, dropHint(), grid, problems, warningsBox, createActions());
        form.setPadding(new Insets(20, 28, 20, 28));
        form.setMaxWidth(820);
        installDropTarget(form);
        return form;
    }

    /**
     * The rows' spacing as each node's top margin instead of the grid's vgap: a row whose nodes are hidden
     * (the username on PostgreSQL, username and password without SCRAM) then leaves no gap, where a vgap
     * is kept for every row, empty or not.
     */
    private static void spaceRowsBetweenShownNodes(GridPane grid, double gap) {
        grid.setVgap(0);
        for (Node node : grid.getChildren()) {
            Integer row = GridPane.getRowIndex(node);
            if (row != null && row > 0) {
                GridPane.setMargin(node, new Insets(gap, 0, 0, 0));
            }
        }
    }

    private Node createActions() {
        Button test = new Button("Test connection", new FontIcon(Feather.ACTIVITY));
        test.setId("testButton");
        test.setOnAction(e -> model.testConnection());
        Button save = new Button("Save profile", new FontIcon(Feather.SAVE));
        save.setId("saveButton");
        save.disableProperty().bind(model.nameProperty().isEmpty());
        save.setOnAction(e -> model.save());
        Button connect = new Button("Connect", new FontIcon(Feather.LOG_IN));
        connect.setId("connectButton");
        connect.getStyleClass().add(Styles.ACCENT);
        connect.setDefaultButton(true);
        connect.setOnAction(e -> model.connect());
        for (Button button : new Button[] {test, save, connect}) {
            button.disableProperty().bind(model.busyProperty().or(button == save
                    ? model.nameProperty().isEmpty() : model.uriProperty().isEmpty()));
        }
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("connectProgress");
        progress.setPrefSize(20, 20);
        progress.visibleProperty().bind(model.busyProperty());
        Label result = new Label();
        result.setId("resultLabel");
        result.setWrapText(true);
        result.textProperty().bind(model.resultProperty());
        model.resultOkProperty().addListener((obs, was, ok) -> {
            result.getStyleClass().removeAll("result-ok", "result-failed");
            result.getStyleClass().add(ok ? "result-ok" : "result-failed");
        });
        HBox buttons = new HBox(10, connect, test, save, progress);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return new VBox(10, buttons, result);
    }

    private void bind() {
        profileList.setItems(model.profiles());
        profileList.getSelectionModel().selectedItemProperty().addListener((obs, was, profile) -> {
            if (profile != null) {
                model.edit(profile);
            }
        });
        model.warnings().addListener((javafx.collections.ListChangeListener<String>) change -> showWarnings());
        showWarnings();
    }

    private void showWarnings() {
        warningsBox.getChildren().setAll(model.warnings().stream().map(text -> {
            Message message = new Message("Warning", text, new FontIcon(Feather.ALERT_TRIANGLE));
            message.getStyleClass().add(Styles.WARNING);
            return (Node) message;
        }).toList());
    }

    private Node dropHint() {
        Label hint = new Label("Drop PEM files here: the CA bundle, the client certificate and the key find their own fields.",
                new FontIcon(Feather.UPLOAD));
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.setWrapText(true);
        return hint;
    }

    private void installDropTarget(Node target) {
        target.setOnDragOver(event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
                target.getStyleClass().add("drop-target");
            }
            event.consume();
        });
        target.setOnDragExited(event -> target.getStyleClass().remove("drop-target"));
        target.setOnDragDropped(event -> {
            boolean accepted = event.getDragboard().hasFiles();
            if (accepted) {
                model.acceptDroppedFiles(event.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            event.setDropCompleted(accepted);
            event.consume();
        });
    }

    private ComboBox<AuthMechanism> authChoice() {
        ComboBox<AuthMechanism> choice = new ComboBox<>();
        choice.setId("authChoice");
        choice.getItems().setAll(AuthMechanism.values());
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(AuthMechanism mechanism) {
                return mechanism == null ? "" : switch (mechanism) {
                    case X509 -> "X.509 client certificate";
                    case SCRAM -> "Username / password (SCRAM)";
                    case NONE -> "None";
                };
            }

            @Override
            public AuthMechanism fromString(String text) {
                return AuthMechanism.parse(text);
            }
        });
        choice.valueProperty().bindBidirectional(model.authProperty());
        return choice;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty property, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static Button browse(String id, Runnable action) {
        Button button = new Button("Browse…", new FontIcon(Feather.FOLDER));
        button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    private static Button iconButton(String id, Feather icon, String text) {
        Button button = new Button(text, new FontIcon(icon));
        button.setId(id);
        return button;
    }

    private static Label label(String text) {
        return new Label(text);
    }

    private static ColumnConstraints grow() {
        ColumnConstraints column = new ColumnConstraints();
        column.setHgrow(Priority.ALWAYS);
        return column;
    }

    /** A saved profile: name on top, connection string below. */
    private static final class ProfileCell extends ListCell<ConnectionProfile> {
        @Override
        protected void updateItem(ConnectionProfile profile, boolean empty) {
            super.updateItem(profile, empty);
            if (empty || profile == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label name = new Label(profile.name());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            Label uri = new Label(profile.uri());
            uri.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            setGraphic(new VBox(2, name, uri));
        }
    }
}
