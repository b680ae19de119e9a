package dev.autouser.ui.shell;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Stands in for a page that serves only the other engine: one plain sentence on what to use instead,
 * rather than a page that would send MongoDB commands to PostgreSQL (or the reverse).
 */
public final class OtherEngineView extends VBox {
    public OtherEngineView(Page page, String title, String what) {
        FontIcon icon = new FontIcon(page.icon());
        icon.getStyleClass().add("coming-icon");
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_2);
        heading.setWrapText(true);
        Label text = new Label(what);
        text.getStyleClass().add(Styles.TEXT_MUTED);
        text.setWrapText(true);
        text.setMaxWidth(640);
        getChildren().addAll(icon, heading, text);
        setAlignment(Pos.CENTER);
        setSpacing(12);
        setId("otherEngine" + page.navId().substring(3));
        getStyleClass().add("coming-view");
    }
}
