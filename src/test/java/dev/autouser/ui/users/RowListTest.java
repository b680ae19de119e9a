package dev.autouser.ui.users;

import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The self-sorting row list: changed rows land where a full sort puts them, announced exactly. */
class RowListTest {
    /** A row whose sort key changes in place, like a UserRow after a refresh. */
    static final class Box {
        int key;
        final int id;

        Box(int key, int id) {
            this.key = key;
            this.id = id;
        }
    }

    private static final Comparator<Box> BY_KEY = Comparator.comparingInt(box -> box.key);

    @Test
    void changedRowsMoveToTheirSortedPlaceAndListenersSeeOnePermutationAndTheirUpdates() {
        Random random = new Random(7);
        RowList<Box> rows = new RowList<>();
        List<Box> all = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            all.add(new Box(random.nextInt(50), i));
        }
        rows.addAll(all);
        rows.sortBy(BY_KEY);
        for (int round = 0; round < 20; round++) {
            List<Box> before = new ArrayList<>(rows);
            Set<Box> changed = new HashSet<>();
            while (changed.size() < 40) {
                Box box = before.get(random.nextInt(before.size()));
                box.key = random.nextInt(50);
                changed.add(box);
            }
            List<Box> expected = new ArrayList<>(rows);
            expected.sort(BY_KEY);
            List<ListChangeListener.Change<? extends Box>> seen = new ArrayList<>();
            List<Box> replayed = new ArrayList<>(before);
            List<Box> updated = new ArrayList<>();
            ListChangeListener<Box> listener = change -> {
                while (change.next()) {
                    if (change.wasPermutated()) {
                        Box[] moved = new Box[replayed.size()];
                        for (int i = 0; i < replayed.size(); i++) {
                            moved[change.getPermutation(i)] = replayed.get(i);
                        }
                        replayed.clear();
                        replayed.addAll(List.of(moved));
                    } else if (change.wasUpdated()) {
                        for (int i = change.getFrom(); i < change.getTo(); i++) {
                            updated.add(change.getList().get(i));
                        }
                    }
                }
                seen.add(change);
            };
            rows.addListener(listener);

            rows.updated(List.copyOf(changed));

            rows.removeListener(listener);
            assertTrue(isSorted(rows), "round " + round);
            assertEquals(expected.stream().map(b -> b.key).toList(), rows.stream().map(b -> b.key).toList());
            for (int i = 0; i < rows.size(); i++) {
                assertSame(rows.get(i), replayed.get(i), "the permutation describes the move, round " + round);
            }
            assertEquals(changed, new HashSet<>(updated), "each changed row announced where it now is");
        }
    }

    private static boolean isSorted(List<Box> list) {
        for (int i = 1; i < list.size(); i++) {
            if (list.get(i - 1).key > list.get(i).key) {
                return false;
            }
        }
        return true;
    }
}
