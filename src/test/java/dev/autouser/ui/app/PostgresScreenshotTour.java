package dev.autouser.ui.app;

import dev.autouser.core.ConsoleException;
import dev.autouser.ui.connect.GatewayConnector;
import dev.autouser.ui.connect.PostgresDemoLauncher;
import dev.autouser.ui.shell.Page;
import dev.autouser.ui.users.UserRow;
import javafx.application.Platform;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.autouser.testsupport.FxSteps.onFx;
import static dev.autouser.ui.app.ScreenshotTour.shoot;
import static dev.autouser.ui.app.ScreenshotTour.waitUntil;

/**
 * The README's PostgreSQL screenshots in a real window, like {@link ScreenshotTour}: the GUI demo's
 * PostgreSQL choice, then Connect and Users (a user who owns objects selected) in the light and the dark
 * theme; {@code --small} after the folder: in a 1024x700 window (files end in {@code -1024}).
 */
public final class PostgresScreenshotTour {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs");
        Files.createDirectories(out);
        boolean small = List.of(args).contains("--small");
        String suffix = small ? "-1024" : "";
        ScreenshotTour.DemoWindow demo = openPostgresDemo("pg-tour", args);
        ConsoleWindow window = demo.window();
        Stage stage = demo.stage();
        Thread.sleep(3000);
        for (boolean dark : new boolean[] {false, true}) {
            String theme = dark ? "dark" : "light";
            onFx(() -> { window.theme().darkProperty().set(dark); return null; });
            onFx(() -> { window.mainModel().show(Page.CONNECT); return null; });
            Thread.sleep(1200);
            shoot(stage.getScene(), out.resolve("postgres-connect-" + theme + suffix + ".png"));
            onFx(() -> { window.mainModel().show(Page.USERS); return null; });
            Thread.sleep(2500);
            onFx(() -> {
                TableView<?> table = (TableView<?>) stage.getScene().lookup("#usersTable");
                int shown = 0; // a user who owns objects: the details show what keeps PostgreSQL from dropping it
                for (int i = 0; i < table.getItems().size(); i++) {
                    if (table.getItems().get(i) instanceof UserRow row && row.user().ownedObjectCount() > 0) {
                        shown = i;
                        break;
                    }
                }
                table.getSelectionModel().clearAndSelect(shown);
                table.scrollTo(shown);
                table.requestFocus();
                return null;
            });
            Thread.sleep(1200);
            shoot(stage.getScene(), out.resolve("postgres-users-" + theme + suffix + ".png"));
        }
        onFx(() -> { window.close(); stage.close(); return null; });
        Thread.sleep(3000);
        Platform.exit();
        System.exit(0);
    }

    /** Starts JavaFX, opens the console (1024x700 with {@code --small} in {@code args}) and connects the PostgreSQL demo. */
    static ScreenshotTour.DemoWindow openPostgresDemo(String tour, String[] args) throws Exception {
        return ScreenshotTour.open(tour, args, dirs -> new GatewayConnector(
                () -> { throw new ConsoleException("The MongoDB demo is not in this tour."); },
                () -> PostgresDemoLauncher.start(dirs)), window -> window.connectModel().startPostgresDemo());
    }
}
