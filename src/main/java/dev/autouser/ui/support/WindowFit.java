package dev.autouser.ui.support;

import javafx.geometry.Rectangle2D;
import javafx.scene.layout.Region;
import javafx.stage.Screen;
import javafx.stage.Window;

/**
 * Keeps dialogs and secondary windows where the person can see them: no larger than the owner's
 * screen, and centred on the owner. A confirmation for 30 users once sized itself to one line of
 * text (37,850 px wide) and opened at x = -18,353, which looked like a frozen console.
 */
public final class WindowFit {
    /** Room left around a dialog at the screen's edges. */
    static final double MARGIN = 24;

    private WindowFit() {
    }

    /** The visual bounds of the screen that holds most of {@code owner} (the primary screen without one). */
    public static Rectangle2D screenOf(Window owner) {
        if (owner == null || owner.getWidth() <= 0) {
            return Screen.getPrimary().getVisualBounds();
        }
        return Screen.getScreensForRectangle(owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight())
                .stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
    }

    /** Caps a window's root at what the screen can show: its content scrolls or wraps instead of growing. */
    public static void limit(Region root, Window owner, double preferredWidth) {
        Rectangle2D screen = screenOf(owner);
        double width = Math.min(screen.getWidth(), owner == null ? screen.getWidth() : owner.getWidth()) - 2 * MARGIN;
        root.setPrefWidth(Math.min(preferredWidth, width));
        root.setMaxWidth(width);
        root.setMaxHeight(screen.getHeight() - 2 * MARGIN);
    }

    /**
     * Shrinks {@code window} to the screen if it must, then centres it on {@code owner} (kept on the
     * screen), and again whenever its size changes: a dialog's second layout pass can resize it.
     */
    public static void centre(Window window, Window owner) {
        Rectangle2D screen = screenOf(owner);
        window.setWidth(Math.min(window.getWidth(), screen.getWidth() - 2 * MARGIN));
        window.setHeight(Math.min(window.getHeight(), screen.getHeight() - 2 * MARGIN));
        place(window, owner, screen);
        javafx.beans.InvalidationListener replace = o -> place(window, owner, screen);
        window.widthProperty().addListener(replace);
        window.heightProperty().addListener(replace);
    }

    private static void place(Window window, Window owner, Rectangle2D screen) {
        double x = owner == null ? screen.getMinX() + (screen.getWidth() - window.getWidth()) / 2
                : owner.getX() + (owner.getWidth() - window.getWidth()) / 2;
        double y = owner == null ? screen.getMinY() + (screen.getHeight() - window.getHeight()) / 2
                : owner.getY() + (owner.getHeight() - window.getHeight()) / 2;
        window.setX(clamp(x, screen.getMinX(), screen.getMaxX() - window.getWidth()));
        window.setY(clamp(y, screen.getMinY(), screen.getMaxY() - window.getHeight()));
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(value, max));
    }
}
