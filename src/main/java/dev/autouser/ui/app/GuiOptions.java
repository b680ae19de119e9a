package dev.autouser.ui.app;

/** How the console was asked to start: {@code demo} connects to the embedded demo server at once. */
public record GuiOptions(boolean demo, boolean dark) {
    public static GuiOptions defaults() {
        return new GuiOptions(false, false);
    }
}
