package dev.autouser.ui.users;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the person selected, held by MongoDB user name, never by row position: a refresh that moves,
 * inserts or removes rows cannot turn {@code peggy} into her neighbour. A selected user that vanished
 * from the server or left the view is deselected, and the reason is kept until the person chooses again,
 * so an action can say why it no longer includes that user.
 */
final class UserSelection {
    /** Why a user is no longer shown; empty when it still is. */
    interface Presence extends Function<String, Optional<String>> {
    }

    private final LinkedHashSet<String> names = new LinkedHashSet<>();
    private final List<String> deselected = new ArrayList<>();
    private String focused;

    /** The person chose these users; {@code focus} is the one the detail pane shows. */
    void choose(List<String> chosen, String focus) {
        names.clear();
        names.addAll(chosen);
        focused = focus != null && names.contains(focus) ? focus : last();
        deselected.clear();
    }

    /**
     * Deselects users that are gone or hidden, recording why. The focus stays on its user while that
     * user is selected, and otherwise moves to another selected user (never to a row nearby).
     *
     * @return true when the selection changed
     */
    boolean keepPresent(Presence presence) {
        boolean changed = false;
        for (var it = names.iterator(); it.hasNext(); ) {
            String name = it.next();
            Optional<String> gone = presence.apply(name);
            if (gone.isPresent()) {
                it.remove();
                deselected.add(name + " " + gone.get());
                changed = true;
            }
        }
        if (focused != null && !names.contains(focused)) {
            focused = last();
        }
        return changed;
    }

    List<String> names() {
        return List.copyOf(names);
    }

    Optional<String> focused() {
        return Optional.ofNullable(focused);
    }

    /** Sentences such as "CN=peggy no longer exists on the server", since the person last chose. */
    List<String> deselected() {
        return List.copyOf(deselected);
    }

    private String last() {
        String last = null;
        for (String name : names) {
            last = name;
        }
        return last;
    }
}
