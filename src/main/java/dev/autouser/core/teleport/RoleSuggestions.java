package dev.autouser.core.teleport;

import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/** Near-miss suggestions for role names ("did you mean readWrite?"). */
final class RoleSuggestions {
    /** Built-in roles that exist only in the admin database. */
    static final Set<String> ADMIN_ONLY_BUILTINS = Set.of("readAnyDatabase", "readWriteAnyDatabase",
            "userAdminAnyDatabase", "dbAdminAnyDatabase", "clusterAdmin", "clusterManager", "clusterMonitor",
            "hostManager", "backup", "restore", "root", "__system", "directShardOperations", "enableSharding",
            "searchCoordinator");
    private static final int MAX_DISTANCE = 3;

    private RoleSuggestions() {
    }

    static Optional<String> closest(String wanted, Set<String> candidates) {
        for (String candidate : candidates) {
            if (candidate.equalsIgnoreCase(wanted)) {
                return Optional.of(candidate);
            }
        }
        return candidates.stream()
                .filter(c -> distance(c.toLowerCase(), wanted.toLowerCase()) <= Math.min(MAX_DISTANCE, wanted.length() / 2))
                .min(Comparator.comparingInt((String c) -> distance(c.toLowerCase(), wanted.toLowerCase())).thenComparing(c -> c));
    }

    static Optional<String> adminOnlyBuiltin(String wanted) {
        return ADMIN_ONLY_BUILTINS.stream().filter(b -> b.equalsIgnoreCase(wanted)).findFirst();
    }

    /** Levenshtein distance; names are short, so the quadratic table is fine. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
