package dev.autouser.ui.users;

import dev.autouser.core.provisioning.RoleRef;
import dev.autouser.core.provisioning.UserState;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The search box and the column filters together: text, state, role and cluster. An empty
 * optional means "any".
 */
public record UserRowFilter(String text, Optional<UserState> state, Optional<String> role, ClusterFilter cluster) {
    /** Users of this cluster, users who came from another cluster (remote-…), or both. */
    public enum ClusterFilter {
        ANY("All clusters"), LOCAL("Users of this cluster"), REMOTE("Users from a root cluster");

        private final String label;

        ClusterFilter(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public UserRowFilter {
        text = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    }

    public static UserRowFilter none() {
        return new UserRowFilter("", Optional.empty(), Optional.empty(), ClusterFilter.ANY);
    }

    public Predicate<UserRow> predicate() {
        return row -> row.matches(text)
                && state.map(s -> s == row.state()).orElse(true)
                && role.map(r -> row.user().roles().stream().map(RoleRef::toString).anyMatch(r::equals)).orElse(true)
                && switch (cluster) {
                    case ANY -> true;
                    case LOCAL -> row.user().rootCluster().isEmpty();
                    case REMOTE -> row.user().rootCluster().isPresent();
                };
    }
}
