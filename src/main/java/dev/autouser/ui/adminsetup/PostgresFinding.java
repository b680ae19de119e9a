package dev.autouser.ui.adminsetup;

/** One line of a PostgreSQL admin-setup check: a problem (fails the check) or a note. */
public record PostgresFinding(boolean problem, String text) {
}
