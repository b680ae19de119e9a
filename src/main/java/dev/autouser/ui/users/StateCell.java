package dev.autouser.ui.users;

import dev.autouser.core.provisioning.UserState;
import javafx.css.PseudoClass;
import javafx.scene.control.TableCell;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * State with its colour and icon: Active (green, pulse), Not cleaned up (amber, warning), Locked (red, lock).
 * The cell carries the pseudo-class {@code :state-active} etc.; labels elsewhere use the style class.
 */
final class StateCell<S> extends TableCell<S, UserState> {
    static final String ACTIVE = "state-active";
    static final String NOT_CLEANED_UP = "state-not-cleaned-up";
    static final String LOCKED = "state-locked";

    private final FontIcon icon = new FontIcon(Feather.ACTIVITY);
    /** What the cell shows now: recycled cells mostly get the same state back, which costs nothing. */
    private UserState shown;

    /**
     * Colours come from a pseudo-class, not a style class: a style-class change makes JavaFX
     * rebuild the cell's styles from the stylesheet, a pseudo-class change only switches between
     * styles it already matched. At 10,000 rows that was a large part of each refresh's CSS pass.
     */
    @Override
    protected void updateItem(UserState state, boolean empty) {
        super.updateItem(state, empty);
        UserState now = empty ? null : state;
        if (now == shown) {
            return;
        }
        if (shown != null) {
            pseudoClassStateChanged(pseudoClass(shown), false);
        }
        shown = now;
        if (now == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        setText(label(now));
        icon.setIconCode(icon(now));
        setGraphic(icon);
        pseudoClassStateChanged(pseudoClass(now), true);
    }

    static PseudoClass pseudoClass(UserState state) {
        return PseudoClass.getPseudoClass(styleClass(state));
    }

    static String label(UserState state) {
        return state.label();
    }

    static Feather icon(UserState state) {
        return switch (state) {
            case ACTIVE -> Feather.ACTIVITY;
            case NOT_CLEANED_UP -> Feather.ALERT_TRIANGLE;
            case LOCKED -> Feather.LOCK;
        };
    }

    static String styleClass(UserState state) {
        return switch (state) {
            case ACTIVE -> ACTIVE;
            case NOT_CLEANED_UP -> NOT_CLEANED_UP;
            case LOCKED -> LOCKED;
        };
    }
}
