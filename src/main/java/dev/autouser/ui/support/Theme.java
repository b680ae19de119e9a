package dev.autouser.ui.support;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;

import java.util.Objects;

/** Light and dark AtlantaFX Primer themes plus the console's one stylesheet. */
public final class Theme {
    public static final String STYLESHEET = Objects.requireNonNull(
            Theme.class.getResource("console.css"), "console.css").toExternalForm();

    private final BooleanProperty dark = new SimpleBooleanProperty(false);

    public Theme(boolean startDark) {
        dark.addListener((obs, was, isDark) -> applyUserAgent(isDark));
        dark.set(startDark);
        applyUserAgent(startDark);
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public void toggle() {
        dark.set(!dark.get());
    }

    public static void style(Scene scene) {
        scene.getStylesheets().add(STYLESHEET);
    }

    private static void applyUserAgent(boolean isDark) {
        Application.setUserAgentStylesheet(isDark
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
