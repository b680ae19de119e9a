package dev.autouser.ui;

import dev.autouser.cli.VersionProvider;
import dev.autouser.ui.shell.ComingView;
import dev.autouser.ui.shell.MainView;
import dev.autouser.ui.shell.MainViewModel;
import dev.autouser.ui.shell.Page;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The composition root of the GUI: creates the theme, dialogs, view-models and views, and swaps
 * the connection-dependent pages when a connection is made. Tests build one on a TestFX stage.
 */
public final class ConsoleWindow {
    private final GuiOptions options;
    private final FxExecutors executors;
    private final Theme theme;
    private final MainViewModel mainModel;
    private final MainView mainView;
    private final DialogService dialogs;
    private Stage stage;

    public ConsoleWindow(GuiOptions options, FxExecutors executors) {
        this.options = options;
        this.executors = executors;
        this.theme = new Theme(options.dark());
        this.mainModel = new MainViewModel(VersionProvider.version());
        this.dialogs = new FxDialogService(() -> stage, mainModel::notice);
        this.mainView = new MainView(mainModel, theme, this::createPage);
    }

    public void show(Stage target) {
        this.stage = target;
        Scene scene = new Scene(mainView, 1280, 800);
        Theme.style(scene);
        mainView.installShortcuts(scene);
        target.setScene(scene);
        target.setTitle("Auto-User Console");
        target.setMinWidth(900);
        target.setMinHeight(600);
        target.show();
    }

    public MainViewModel mainModel() {
        return mainModel;
    }

    public Theme theme() {
        return theme;
    }

    public void close() {
    }

    private Node createPage(Page page) {
        return switch (page) {
            case ADMIN_SETUP -> new ComingView(page,
                    "Guided creation of teleport-admin-role and CN=teleport-admin, drift checks and the Teleport db resource YAML.");
            case ROLE_MAPPING -> new ComingView(page,
                    "Write and validate Teleport roles (create_db_user_mode, db_roles) and preview the MongoDB roles a user receives.");
            default -> new ComingView(page, "This page appears once its part is merged.");
        };
    }
}
