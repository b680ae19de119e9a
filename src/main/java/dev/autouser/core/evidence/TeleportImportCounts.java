package dev.autouser.core.evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import read: values read, events used, foreign events (other types, e.g. SSH sessions),
 * bad values (not JSON, or an event of ours without a time or a user), and the first few problems
 * with where they are.
 */
public record TeleportImportCounts(long read, long used, long foreign, long bad, List<String> firstProblems) {
    public TeleportImportCounts {
        firstProblems = List.copyOf(firstProblems);
    }

    /** One line for a person: "1,204 events read: 310 used, 890 of other types, 4 bad (line 17: not JSON, ...)". */
    public String summary() {
        StringBuilder text = new StringBuilder()
                .append(read).append(read == 1 ? " event read: " : " events read: ")
                .append(used).append(" used, ").append(foreign).append(" of other types, ")
                .append(bad).append(" bad");
        if (!firstProblems.isEmpty()) {
            text.append(" (").append(String.join("; ", firstProblems));
            if (bad > firstProblems.size()) {
                text.append("; …");
            }
            text.append(')');
        }
        return text.toString();
    }

    static Builder builder(int problemsKept) {
        return new Builder(problemsKept);
    }

    static final class Builder {
        private final int problemsKept;
        private final List<String> problems = new ArrayList<>();
        private long read;
        private long used;
        private long foreign;
        private long bad;

        private Builder(int problemsKept) {
            this.problemsKept = problemsKept;
        }

        void read() {
            read++;
        }

        void used() {
            used++;
        }

        void foreign() {
            foreign++;
        }

        void bad(String problem) {
            bad++;
            if (problems.size() < problemsKept) {
                problems.add(problem);
            }
        }

        TeleportImportCounts build() {
            return new TeleportImportCounts(read, used, foreign, bad, problems);
        }
    }
}
