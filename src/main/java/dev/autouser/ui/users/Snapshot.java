package dev.autouser.ui.users;

import dev.autouser.core.provisioning.AutoUser;
import dev.autouser.core.provisioning.AutoUserListing;
import dev.autouser.core.provisioning.RoleRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A listing with everything the page derives from all users, computed on the background thread
 * so the FX thread only touches what changed: the users that are new or differ from the previous
 * listing, the names that vanished, the counts and the role filter's choices.
 */
public record Snapshot(AutoUserListing listing, List<AutoUser> upserts, List<String> vanished, UserCounts counts,
                       List<String> roles, Map<String, RowEvidence> evidence) {
    public Snapshot {
        upserts = List.copyOf(upserts);
        vanished = List.copyOf(vanished);
        roles = List.copyOf(roles);
    }

    /**
     * Diffs {@code listing} against {@code previous} (name → user of the last listing), and
     * replaces the content of {@code previous} with this listing for the next diff.
     */
    public static Snapshot of(AutoUserListing listing, Map<String, AutoUser> previous) {
        TreeSet<String> roles = new TreeSet<>();
        List<AutoUser> upserts = new ArrayList<>();
        Map<String, AutoUser> current = new HashMap<>(listing.users().size() * 2);
        for (AutoUser user : listing.users()) {
            current.put(user.mongoName(), user);
            if (!user.equals(previous.get(user.mongoName()))) {
                upserts.add(user);
            }
            for (RoleRef role : user.roles()) {
                roles.add(role.toString());
            }
        }
        List<String> vanished = previous.keySet().stream().filter(name -> !current.containsKey(name)).toList();
        previous.clear();
        previous.putAll(current);
        Map<String, RowEvidence> evidence = new HashMap<>(listing.evidence().size() * 2);
        listing.evidence().forEach((name, known) -> evidence.put(name, RowEvidence.of(known, listing.takenAt())));
        return new Snapshot(listing, upserts, vanished, UserCounts.of(listing.users()), List.copyOf(roles), evidence);
    }
}
