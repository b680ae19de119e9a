package dev.autouser.core.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Replays transitions (in time order) into state counts at evenly spread moments. */
final class Timeline {
    private Timeline() {
    }

    static List<StateCounts> replay(ResultSet rows, Instant from, Instant to, int points) throws SQLException {
        if (points < 2 || !to.isAfter(from)) {
            throw new IllegalArgumentException("a timeline needs at least two points and from before to");
        }
        long start = from.toEpochMilli();
        long span = to.toEpochMilli() - start;
        Map<Long, ObservedState> states = new HashMap<>();
        int[] counts = new int[ObservedState.values().length];
        List<StateCounts> timeline = new ArrayList<>(points);
        while (rows.next()) {
            long at = rows.getLong(2);
            while (timeline.size() < points && at > moment(start, span, timeline.size(), points)) {
                timeline.add(point(moment(start, span, timeline.size(), points), counts));
            }
            ObservedState now = ObservedState.fromWord(rows.getString(3));
            ObservedState was = states.put(rows.getLong(1), now);
            if (was != null) {
                counts[was.ordinal()]--;
            }
            counts[now.ordinal()]++;
        }
        while (timeline.size() < points) {
            timeline.add(point(moment(start, span, timeline.size(), points), counts));
        }
        return timeline;
    }

    /** The i-th of {@code points} moments from start to start + span, both ends exact. */
    private static long moment(long start, long span, int i, int points) {
        return start + span * i / (points - 1);
    }

    private static StateCounts point(long at, int[] counts) {
        return new StateCounts(Instant.ofEpochMilli(at), counts[ObservedState.ACTIVE.ordinal()],
                counts[ObservedState.NOT_CLEANED_UP.ordinal()], counts[ObservedState.LOCKED.ordinal()]);
    }
}
