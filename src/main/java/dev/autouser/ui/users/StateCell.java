package dev.autouser.ui.users;

import dev.autouser.core.provisioning.UserState;
import javafx.scene.control.TableCell;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** State with its colour and icon: Active (green, pulse), Idle (grey, moon), Locked (red, lock). */
final class StateCell<S> extends TableCell<S, UserState> {
    static final String ACTIVE = "state-active";
    static final String IDLE = "state-idle";
    static final String LOCKED = "state-locked";

    private final FontIcon icon = new FontIcon(Feather.MOON);

    @Override
    protected void updateItem(UserState state, boolean empty) {
        super.updateItem(state, empty);
        getStyleClass().removeAll(ACTIVE, IDLE, LOCKED);
        if (empty || state == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        setText(label(state));
        icon.setIconCode(icon(state));
        setGraphic(icon);
        getStyleClass().add(styleClass(state));
    }

    static String label(UserState state) {
        return switch (state) {
            case ACTIVE -> "Active";
            case IDLE -> "Idle";
            case LOCKED -> "Locked";
        };
    }

    static Feather icon(UserState state) {
        return switch (state) {
            case ACTIVE -> Feather.ACTIVITY;
            case IDLE -> Feather.MOON;
            case LOCKED -> Feather.LOCK;
        };
    }

    static String styleClass(UserState state) {
        return switch (state) {
            case ACTIVE -> ACTIVE;
            case IDLE -> IDLE;
            case LOCKED -> LOCKED;
        };
    }
}
