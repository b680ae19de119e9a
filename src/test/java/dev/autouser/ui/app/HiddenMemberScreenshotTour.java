package dev.autouser.ui.app;

import dev.autouser.sandbox.RunningDemo;
import dev.autouser.ui.shell.Page;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.autouser.testsupport.FxSteps.onFx;
import static dev.autouser.ui.app.ScreenshotTour.shoot;

/**
 * The Users page on a demo set of four members whose last one is hidden: the topology strip names
 * it "hidden" among the members asked. Light and dark ({@code --small}: 1024x700). Run like
 * {@link ScreenshotTour}; writes {@code users-hidden-member-<theme>.png}.
 */
public final class HiddenMemberScreenshotTour {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs");
        Files.createDirectories(out);
        ScreenshotTour.DemoWindow demo = ScreenshotTour.openDemo("hidden-tour", RunningDemo.Shape.replicaSetWithHidden(4, 1), args);
        Thread.sleep(2500);
        for (boolean dark : new boolean[] {false, true}) {
            String theme = dark ? "dark" : "light";
            onFx(() -> { demo.window().theme().darkProperty().set(dark); return null; });
            onFx(() -> { demo.window().mainModel().show(Page.USERS); return null; });
            Thread.sleep(3000);
            shoot(demo.stage().getScene(), out.resolve("users-hidden-member-" + theme + ".png"));
        }
        demo.close();
    }
}
