package dev.autouser.ui.support;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

import java.util.List;
import java.util.Optional;

/** Window-wide keyboard shortcuts, dispatched to the page on screen. */
public enum Shortcut {
    REFRESH(false, new KeyCodeCombination(KeyCode.F5), new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN)),
    SEARCH(false, new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN)),
    SELECT_ALL(true, new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN)),
    LOCK(false, new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN)),
    DROP(true, new KeyCodeCombination(KeyCode.DELETE));

    /** Shortcuts a text field needs for itself (select all text, delete a character). */
    private final boolean yieldsToTextInput;
    private final List<KeyCombination> keys;

    Shortcut(boolean yieldsToTextInput, KeyCombination... keys) {
        this.yieldsToTextInput = yieldsToTextInput;
        this.keys = List.of(keys);
    }

    public boolean yieldsToTextInput() {
        return yieldsToTextInput;
    }

    public String keyText() {
        return keys.get(0).getDisplayText();
    }

    public static Optional<Shortcut> of(KeyEvent event) {
        for (Shortcut shortcut : values()) {
            if (shortcut.keys.stream().anyMatch(key -> key.match(event))) {
                return Optional.of(shortcut);
            }
        }
        return Optional.empty();
    }
}
