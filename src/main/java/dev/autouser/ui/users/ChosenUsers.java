package dev.autouser.ui.users;

import java.util.List;

/**
 * The users an action works on, captured at the click: the rows selected then, and the users that
 * were selected earlier but deselected by a refresh (with why), so the action can say so.
 */
public record ChosenUsers(List<UserRow> rows, List<String> deselected) {
    public ChosenUsers {
        rows = List.copyOf(rows);
        deselected = List.copyOf(deselected);
    }

    public static ChosenUsers of(List<UserRow> rows) {
        return new ChosenUsers(rows, List.of());
    }

    public List<String> names() {
        return rows.stream().map(UserRow::mongoName).toList();
    }
}
