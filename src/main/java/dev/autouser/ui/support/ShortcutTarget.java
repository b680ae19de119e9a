package dev.autouser.ui.support;

/** A page that reacts to window shortcuts; returns true when it handled one. */
public interface ShortcutTarget {
    boolean onShortcut(Shortcut shortcut);
}
