package dev.autouser.core.provisioning;

import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

/** Reading fields of usersInfo user documents the way Teleport interprets them. */
final class UserRecords {
    private UserRecords() {
    }

    static boolean isAutoUser(Document user) {
        Document customData = user.get("customData") instanceof Document data ? data : null;
        return customData != null && Boolean.TRUE.equals(customData.get(UserCommands.AUTO_USER_FLAG));
    }

    static Document customData(Document user) {
        return user.get("customData") instanceof Document data ? data : new Document();
    }

    /**
     * The user's own restrictions, flattened: servers return either a list of restriction
     * documents or a list of such lists.
     */
    static List<Document> restrictions(Document user) {
        List<Document> flat = new ArrayList<>();
        Object value = user.get("authenticationRestrictions");
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Document restriction) {
                    flat.add(restriction);
                } else if (item instanceof List<?> nested) {
                    nested.stream().filter(Document.class::isInstance).map(Document.class::cast).forEach(flat::add);
                }
            }
        }
        return flat;
    }

    /** Locked = any restriction's clientSource holds exactly {@code 0.0.0.0}. */
    static boolean isLocked(Document user) {
        for (Document restriction : restrictions(user)) {
            Object sources = restriction.get("clientSource");
            if (sources instanceof List<?> list && list.contains(UserCommands.LOCKED_SOURCE)) {
                return true;
            }
            if (UserCommands.LOCKED_SOURCE.equals(sources)) {
                return true;
            }
        }
        return false;
    }
}
