package dev.autouser.ui.shell;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** Placeholder for a page another part of the team is still building. */
public final class ComingView extends VBox {
    public ComingView(Page page, String what) {
        FontIcon icon = new FontIcon(page.icon());
        icon.getStyleClass().add("coming-icon");
        Label title = new Label(page.title() + " is coming");
        title.getStyleClass().add(Styles.TITLE_2);
        Label text = new Label(what);
        text.getStyleClass().add(Styles.TEXT_MUTED);
        text.setWrapText(true);
        getChildren().addAll(icon, title, text);
        setAlignment(Pos.CENTER);
        setSpacing(12);
        setId("coming" + page.navId().substring(3));
        getStyleClass().add("coming-view");
    }
}
