package dev.autouser.ui.users;

import javafx.scene.control.TableView;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps the table's selection on the users the model holds while rows move. JavaFX's selection model
 * keeps indices and shifts them on removals, permutations and filter changes; it selected a neighbour of
 * a vanished user, and after some changes its selected items no longer matched a fresh selection
 * (measured: a cleared and re-made selection still held a removed row's neighbour). So the table's
 * selection is emptied before rows move and made again, by row identity, once they have settled.
 */
final class TableSelectionSync {
    private final TableView<UserRow> table;
    private boolean restoring;

    TableSelectionSync(TableView<UserRow> table) {
        this.table = table;
    }

    /** True while this class changes the table's selection (those changes are not the person's). */
    boolean restoring() {
        return restoring;
    }

    /** Empties the table's selection before rows move, so JavaFX has no indices to shift. */
    void release() {
        if (table.getSelectionModel().isEmpty()) {
            return;
        }
        restoring = true;
        try {
            table.getSelectionModel().clearSelection();
        } finally {
            restoring = false;
        }
    }

    void restore(List<UserRow> selected, UserRow focused) {
        var selection = table.getSelectionModel();
        if (new HashSet<>(selection.getSelectedItems()).equals(new HashSet<>(selected))
                && Objects.equals(selection.getSelectedItem(), focused)) {
            return;
        }
        restoring = true;
        try {
            selection.clearSelection();
            if (selected.isEmpty()) {
                return;
            }
            Map<UserRow, Integer> index = indexOf(selected);
            int[] others = selected.stream().filter(row -> row != focused).mapToInt(index::get)
                    .filter(i -> i >= 0).toArray();
            if (others.length > 0) {
                selection.selectIndices(others[0], others);
            }
            // The focused row goes last: the selection model's "selected item" is the last one selected.
            int last = focused == null ? -1 : index.get(focused);
            if (last >= 0) {
                selection.select(last);
                table.getFocusModel().focus(last);
            }
        } finally {
            restoring = false;
        }
    }

    /** Where the selected rows are now, in one pass over the rows in view. */
    private Map<UserRow, Integer> indexOf(List<UserRow> selected) {
        Map<UserRow, Integer> wanted = new HashMap<>();
        selected.forEach(row -> wanted.put(row, -1));
        List<UserRow> items = table.getItems();
        for (int i = 0; i < items.size(); i++) {
            if (wanted.containsKey(items.get(i))) {
                wanted.put(items.get(i), i);
            }
        }
        return wanted;
    }
}
