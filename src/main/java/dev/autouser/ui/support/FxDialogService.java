package dev.autouser.ui.support;

import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** JavaFX dialogs for {@link DialogService}: alerts with expandable details, named action buttons. */
public final class FxDialogService implements DialogService {
    private static final Logger LOG = LoggerFactory.getLogger(FxDialogService.class);

    private final Supplier<Window> owner;
    private final Consumer<String> notifier;

    public FxDialogService(Supplier<Window> owner, Consumer<String> notifier) {
        this.owner = owner;
        this.notifier = notifier;
    }

    @Override
    public void showError(String sentence, Throwable details) {
        LOG.warn("{}", sentence, details);
        Alert alert = new Alert(Alert.AlertType.ERROR);
        prepare(alert, "Something went wrong", sentence);
        alert.setContentText(null);
        if (details != null) {
            TextArea text = readOnlyText(ErrorText.details(details));
            text.setId("errorDetails");
            alert.getDialogPane().setExpandableContent(text);
        }
        alert.showAndWait();
    }

    @Override
    public boolean confirm(Confirmation confirmation) {
        Alert alert = new Alert(confirmation.destructive() ? Alert.AlertType.WARNING : Alert.AlertType.CONFIRMATION);
        prepare(alert, confirmation.title(), confirmation.message());
        ButtonType action = new ButtonType(confirmation.actionLabel(), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(cancel, action);
        alert.getDialogPane().lookupButton(action).setId("confirmActionButton");
        alert.getDialogPane().lookupButton(cancel).setId("confirmCancelButton");
        // Enter must not run a destructive action by accident: the safe button is the default.
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(action)).setDefaultButton(!confirmation.destructive());
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(cancel)).setDefaultButton(confirmation.destructive());
        Label subjects = new Label(String.join(", ", confirmation.subjects()));
        subjects.setWrapText(true);
        subjects.setId("confirmSubjects");
        // Thirty names would push the buttons off the screen: they scroll inside the dialog instead.
        ScrollPane subjectsScroll = scrolling(subjects, 90);
        subjectsScroll.setId("confirmSubjectsScroll");
        TextArea commands = readOnlyText(confirmation.commands());
        commands.setId("confirmCommands");
        commands.getStyleClass().add("command-text");
        VBox content = new VBox(8, subjectsScroll, new Label("Commands that will run:"), commands);
        javafx.scene.control.CheckBox check = new javafx.scene.control.CheckBox(confirmation.requiredCheck());
        if (confirmation.hasRequiredCheck()) {
            // An override is its own explicit act: the action button works only once it is ticked.
            check.setId("confirmRequiredCheck");
            check.setWrapText(true);
            check.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            check.getStyleClass().add("override-check");
            content.getChildren().add(0, check);
            alert.getDialogPane().lookupButton(action).disableProperty().bind(check.selectedProperty().not());
        }
        alert.getDialogPane().setContent(content);
        return alert.showAndWait().filter(action::equals).isPresent()
                && (!confirmation.hasRequiredCheck() || check.isSelected());
    }

    @Override
    public Optional<OwnedObjectsChoice> chooseForOwnedObjects(String message, java.util.List<String> roles) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        prepare(alert, "Users who own objects", message);
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        javafx.scene.control.RadioButton keep = new javafx.scene.control.RadioButton(
                "Keep them locked, as Teleport does (TP004): nothing is dropped or reassigned");
        keep.setId("ownedKeepLocked");
        keep.setToggleGroup(group);
        keep.setSelected(true);
        keep.setWrapText(true);
        javafx.scene.control.RadioButton reassign = new javafx.scene.control.RadioButton(
                "Reassign their objects to this role, then drop them:");
        reassign.setId("ownedReassign");
        reassign.setToggleGroup(group);
        reassign.setDisable(roles.isEmpty());
        javafx.scene.control.ComboBox<String> role = new javafx.scene.control.ComboBox<>(
                javafx.collections.FXCollections.observableArrayList(roles));
        role.setId("ownedNewOwner");
        if (!roles.isEmpty()) {
            role.getSelectionModel().selectFirst();
        }
        role.disableProperty().bind(reassign.selectedProperty().not());
        ButtonType next = new ButtonType("Show the commands", ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(cancel, next);
        alert.getDialogPane().lookupButton(next).setId("ownedNextButton");
        alert.getDialogPane().setContent(new VBox(8, keep, new javafx.scene.layout.HBox(8, reassign, role)));
        if (alert.showAndWait().filter(next::equals).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(reassign.isSelected() && role.getValue() != null
                ? OwnedObjectsChoice.reassignTo(role.getValue()) : OwnedObjectsChoice.keepLocked());
    }

    @Override
    public void notify(String message) {
        notifier.accept(message);
    }

    /** A ControlsFX notification in the window's corner, plus the status bar's note. */
    @Override
    public void finished(String title, String counts, boolean problems) {
        notifier.accept(counts);
        FontIcon icon = new FontIcon(problems ? Feather.ALERT_TRIANGLE : Feather.CHECK_CIRCLE);
        icon.getStyleClass().add(problems ? "finished-problems" : "finished-ok");
        Notifications notification = Notifications.create().title(title).text(counts).graphic(icon)
                .position(Pos.BOTTOM_RIGHT).hideAfter(Duration.seconds(problems ? 20 : 8));
        Window window = owner.get();
        if (window != null) {
            notification.owner(window);
        }
        notification.show();
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseOpenFile(String title, FileKind kind) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(kind.description(), kind.patterns()),
                new FileChooser.ExtensionFilter("All files", "*"));
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public void copyToClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    }

    /** Owned by the main window, sized to its screen, centred on it; {@code headline} wraps and scrolls. */
    private void prepare(Alert alert, String title, String headline) {
        alert.setTitle(title);
        Window window = owner.get();
        if (window != null) {
            alert.initOwner(window);
            alert.getDialogPane().getStylesheets().setAll(window.getScene().getStylesheets());
        }
        Label header = new Label(headline);
        header.setWrapText(true);
        header.setId("dialogHeadline");
        header.getStyleClass().add("dialog-headline");
        ScrollPane headerScroll = scrolling(header, 150);
        VBox headerPanel = new VBox(headerScroll);
        headerPanel.getStyleClass().add("header-panel");
        alert.setHeaderText(headline); // not shown (the header node wins), but kept for accessibility and tests
        alert.getDialogPane().setHeader(headerPanel);
        alert.getDialogPane().setMinWidth(Math.min(520, WindowFit.screenOf(window).getWidth() - 48));
        WindowFit.limit(alert.getDialogPane(), window, 680);
        alert.setOnShown(e -> WindowFit.centre(alert.getDialogPane().getScene().getWindow(), window));
    }

    /** A wrapped text that scrolls once it is taller than {@code maxHeight}. */
    private static ScrollPane scrolling(Label text, double maxHeight) {
        ScrollPane scroll = new ScrollPane(text);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setMaxHeight(maxHeight);
        scroll.prefViewportHeightProperty().bind(text.heightProperty().map(h -> Math.min(h.doubleValue(), maxHeight)));
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    private static TextArea readOnlyText(String text) {
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount(Math.min(12, Math.max(3, (int) text.lines().count())));
        return area;
    }
}
