package dev.autouser.ui.users;

import javafx.collections.ModifiableObservableListBase;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table's rows, kept in the table's sort order by this list itself. JavaFX's SortedList
 * re-sorts every element for each "update" sub-change it receives, which at 10,000 rows with 100
 * changed rows cost 0.15–0.6 s per refresh (measured). Here a refresh moves only the changed rows
 * (binary search, then one linear merge), then tells listeners with one permutation (so the table
 * keeps the selection on rows that moved) and one update per changed row.
 */
final class RowList<R> extends ModifiableObservableListBase<R> {
    private List<R> rows = new ArrayList<>();
    private Comparator<? super R> comparator;

    /** Sorts by {@code order} (null: keep the current order) and keeps that order from now on. */
    void sortBy(Comparator<? super R> order) {
        comparator = order;
        if (order == null || rows.size() < 2) {
            return;
        }
        List<R> sorted = new ArrayList<>(rows);
        sorted.sort(order);
        reorder(sorted);
    }

    /** Puts new rows where the order wants them (at the end when unsorted), as one change. */
    void insertAll(List<R> added) {
        if (added.isEmpty()) {
            return;
        }
        if (comparator == null) {
            addAll(added);
            return;
        }
        beginChange();
        try {
            for (R row : added) {
                add(insertionPoint(rows, row), row);
            }
        } finally {
            endChange();
        }
    }

    /** The content of these rows changed: move them if their sort position changed, then announce. */
    void updated(List<R> changed) {
        if (changed.isEmpty()) {
            return;
        }
        Map<R, Integer> index = comparator == null ? positions(changed) : move(changed);
        beginChange();
        for (R row : changed) {
            nextUpdate(index.get(row));
        }
        endChange();
    }

    /** Where these rows are now, found in one scan (no index of all rows). */
    private Map<R, Integer> positions(List<R> wanted) {
        Map<R, Integer> index = new IdentityHashMap<>(wanted.size() * 2);
        wanted.forEach(row -> index.put(row, -1));
        for (int i = 0; i < rows.size(); i++) {
            R row = rows.get(i);
            if (index.containsKey(row)) {
                index.put(row, i);
            }
        }
        return index;
    }

    /**
     * Takes the changed rows out, finds each one's place among the others by binary search, and
     * merges both into the new order in one pass that also builds the permutation; returns the
     * changed rows' new positions. Linear in the rows, with comparisons only for the changed ones.
     */
    private Map<R, Integer> move(List<R> changed) {
        Map<R, Integer> oldIndex = new IdentityHashMap<>(changed.size() * 2);
        changed.forEach(row -> oldIndex.put(row, -1));
        List<R> kept = new ArrayList<>(rows.size());
        int[] keptOldIndex = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) { // one scan, one lookup per row: this loop is most of a refresh's merge
            R row = rows.get(i);
            if (oldIndex.get(row) != null) {
                oldIndex.put(row, i);
            } else {
                keptOldIndex[kept.size()] = i;
                kept.add(row);
            }
        }
        List<R> moving = new ArrayList<>(changed);
        moving.sort(comparator);
        List<R> merged = new ArrayList<>(rows.size());
        int[] permutation = new int[rows.size()];
        Map<R, Integer> newIndex = new IdentityHashMap<>(changed.size() * 2);
        int next = 0;
        for (R row : moving) {
            for (int place = insertionPoint(kept, row); next < place; next++) {
                permutation[keptOldIndex[next]] = merged.size();
                merged.add(kept.get(next));
            }
            permutation[oldIndex.get(row)] = merged.size();
            newIndex.put(row, merged.size());
            merged.add(row);
        }
        for (; next < kept.size(); next++) {
            permutation[keptOldIndex[next]] = merged.size();
            merged.add(kept.get(next));
        }
        rows = merged;
        firePermutation(permutation);
        return newIndex;
    }

    private void firePermutation(int[] permutation) {
        for (int i = 0; i < permutation.length; i++) {
            if (permutation[i] != i) {
                beginChange();
                nextPermutation(0, permutation.length, permutation);
                endChange();
                return;
            }
        }
    }

    private void reorder(List<R> newOrder) {
        Map<R, Integer> newIndex = indexOf(newOrder);
        int[] permutation = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            permutation[i] = newIndex.get(rows.get(i));
        }
        rows = newOrder;
        firePermutation(permutation);
    }

    /** After the last equal element, so equal rows keep their relative order. */
    private int insertionPoint(List<R> list, R row) {
        int low = 0;
        int high = list.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (comparator.compare(list.get(middle), row) <= 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static <R> Map<R, Integer> indexOf(List<R> list) {
        Map<R, Integer> index = new IdentityHashMap<>(list.size() * 2);
        for (int i = 0; i < list.size(); i++) {
            index.put(list.get(i), i);
        }
        return index;
    }

    @Override
    public R get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    @Override
    protected void doAdd(int index, R element) {
        rows.add(index, element);
    }

    @Override
    protected R doSet(int index, R element) {
        return rows.set(index, element);
    }

    @Override
    protected R doRemove(int index) {
        return rows.remove(index);
    }
}
