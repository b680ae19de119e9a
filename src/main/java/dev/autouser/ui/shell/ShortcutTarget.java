package dev.autouser.ui.shell;

/** A page that reacts to window shortcuts; returns true when it handled one. */
public interface ShortcutTarget {
    boolean onShortcut(Shortcut shortcut);
}
