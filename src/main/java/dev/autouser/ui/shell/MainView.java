package dev.autouser.ui.shell;

import dev.autouser.ui.support.Shortcut;
import dev.autouser.ui.support.ShortcutTarget;
import atlantafx.base.controls.Message;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.autouser.ui.support.Theme;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/** The main window: navigation on the left, the current page in the middle, status at the bottom. */
public final class MainView extends BorderPane {
    private final MainViewModel model;
    private final Theme theme;
    private final Function<Page, Node> pages;
    private final Map<Page, Node> built = new EnumMap<>(Page.class);
    private final ToggleGroup navigation = new ToggleGroup();
    /** The server-gone banner above whichever page is shown. */
    private final BorderPane pageArea = new BorderPane();

    public MainView(MainViewModel model, Theme theme, Function<Page, Node> pages) {
        this.model = model;
        this.theme = theme;
        this.pages = pages;
        createView();
        bind();
    }

    /** Forgets the pages built for the previous connection (the connect page stays as typed). */
    public void resetPages() {
        built.keySet().removeIf(page -> page != Page.CONNECT);
        showPage(model.pageProperty().get());
    }

    public void installShortcuts(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> Shortcut.of(event).ifPresent(shortcut -> {
            boolean typing = scene.getFocusOwner() instanceof TextInputControl;
            if (shortcut.yieldsToTextInput() && typing) {
                return;
            }
            if (pageArea.getCenter() instanceof ShortcutTarget target && target.onShortcut(shortcut)) {
                event.consume();
            }
        }));
    }

    private void createView() {
        setLeft(createNavigation());
        pageArea.setTop(createServerGoneBanner());
        setCenter(pageArea);
        setBottom(new StatusBar(model));
        getStyleClass().add("main-view");
    }

    /**
     * Every page says when the server stopped answering, and what that means for what it shows
     * (the status bar alone is easy to miss next to a table that still looks current).
     */
    private Message createServerGoneBanner() {
        Message banner = new Message("Server not answering", "", new FontIcon(Feather.ALERT_OCTAGON));
        banner.setId("serverGoneBanner");
        banner.getStyleClass().add(Styles.DANGER);
        banner.descriptionProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.serverTroubleProperty().get() + " " + model.pageProperty().get().whileServerIsGone(),
                model.serverTroubleProperty(), model.pageProperty()));
        banner.visibleProperty().bind(model.serverTroubleProperty().isNotEmpty().and(model.connectedProperty()));
        banner.managedProperty().bind(banner.visibleProperty());
        BorderPane.setMargin(banner, new Insets(12, 20, 0, 20));
        return banner;
    }

    private VBox createNavigation() {
        Label brand = new Label("Auto-User\nConsole", new FontIcon(Feather.DATABASE));
        brand.getStyleClass().addAll("brand", Styles.TITLE_4);
        VBox nav = new VBox(4, brand);
        for (Page page : Page.values()) {
            ToggleButton button = new ToggleButton(page.title(), new FontIcon(page.icon()));
            button.setId(page.navId());
            button.setUserData(page);
            button.setToggleGroup(navigation);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setAlignment(Pos.CENTER_LEFT);
            button.getStyleClass().add("nav-button");
            if (page.needsConnection()) {
                button.disableProperty().bind(model.connectedProperty().not());
            }
            button.setOnAction(event -> {
                model.show(page);
                syncNavigation();
            });
            nav.getChildren().add(button);
        }
        Button themeToggle = new Button();
        themeToggle.setId("themeToggle");
        themeToggle.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        themeToggle.graphicProperty().bind(theme.darkProperty().map(dark -> new FontIcon(dark ? Feather.SUN : Feather.MOON)));
        themeToggle.setTooltip(new Tooltip("Switch between light and dark theme"));
        themeToggle.setOnAction(event -> theme.toggle());
        nav.getChildren().addAll(new Spacer(Orientation.VERTICAL), themeToggle);
        nav.getStyleClass().add("navigation");
        nav.setPadding(new Insets(12, 8, 12, 8));
        nav.setPrefWidth(180);
        return nav;
    }

    private void bind() {
        model.pageProperty().addListener((obs, was, page) -> showPage(page));
        showPage(model.pageProperty().get());
    }

    private void showPage(Page page) {
        pageArea.setCenter(built.computeIfAbsent(page, pages));
        syncNavigation();
    }

    private void syncNavigation() {
        Page page = model.pageProperty().get();
        navigation.getToggles().forEach(toggle -> toggle.setSelected(toggle.getUserData() == page));
    }
}
