package dev.autouser.ui.users;

import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Rows of a live table, kept in place across refreshes: a refresh updates the rows whose value
 * changed, appends new ones and removes vanished ones, each as one batched list change. The table
 * therefore keeps its selection, sort order and scroll position, and only changed rows repaint.
 *
 * @param <K> the row key (the MongoDB user name)
 * @param <V> the immutable value a refresh delivers
 * @param <R> the observable row shown in the table
 */
public final class LiveRows<K, V, R extends LiveRows.Row<V>> {
    /** A table row holding one value. */
    public interface Row<V> {
        /** Takes the new value; returns false (and changes nothing) when it equals the current one. */
        boolean update(V value);
    }

    /** What one merge did, for highlighting and the status line. */
    public record Merge<R>(List<R> added, List<R> changed, int removed) {
        public Merge {
            added = List.copyOf(added);
            changed = List.copyOf(changed);
        }

        public int touched() {
            return added.size() + changed.size() + removed;
        }
    }

    private final Function<V, K> key;
    private final Function<V, R> create;
    // Changed rows stay the same objects: they are moved and announced as updates, never replaced.
    private final RowList<R> rows = new RowList<>();
    private final Map<K, R> byKey = new HashMap<>();

    public LiveRows(Function<V, K> key, Function<V, R> create) {
        this.key = key;
        this.create = create;
    }

    public ObservableList<R> rows() {
        return rows;
    }

    /** Keeps the rows in this order (the table's sort order); null keeps the current order. */
    public void sortBy(java.util.Comparator<? super R> order) {
        rows.sortBy(order);
    }

    public R find(K rowKey) {
        return byKey.get(rowKey);
    }

    /** Applies a fresh snapshot of all values (the diff is computed here). */
    public Merge<R> merge(List<V> values) {
        Map<K, V> fresh = new HashMap<>();
        for (V value : values) {
            fresh.put(key.apply(value), value);
        }
        List<K> vanished = byKey.keySet().stream().filter(k -> !fresh.containsKey(k)).toList();
        return apply(values, vanished);
    }

    /**
     * Applies a diff computed elsewhere (on a background thread): values that are new or may have
     * changed, and keys that vanished. Must run on the FX thread once the table shows.
     */
    public Merge<R> apply(List<V> upserts, java.util.Collection<K> vanished) {
        List<R> added = new ArrayList<>();
        List<R> changed = new ArrayList<>();
        for (V value : upserts) {
            K rowKey = key.apply(value);
            R row = byKey.get(rowKey);
            if (row == null) {
                row = create.apply(value);
                byKey.put(rowKey, row);
                added.add(row);
            } else if (row.update(value)) {
                changed.add(row);
            }
        }
        Set<R> gone = Collections.newSetFromMap(new IdentityHashMap<>());
        for (K rowKey : vanished) {
            R row = byKey.remove(rowKey);
            if (row != null) {
                gone.add(row);
            }
        }
        rows.updated(changed);
        if (!gone.isEmpty()) {
            rows.removeAll(gone); // one batched change, unlike removeIf
        }
        rows.insertAll(added);
        return new Merge<>(added, changed, gone.size());
    }

}
