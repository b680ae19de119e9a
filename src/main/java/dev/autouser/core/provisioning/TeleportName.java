package dev.autouser.core.provisioning;

import java.util.Optional;

/**
 * The Teleport user behind a MongoDB auto-user name. The MongoDB name is {@code CN=<teleport name>}
 * (Teleport does no RFC 2253 escaping). A user who comes from another (root) cluster into a leaf
 * cluster's database is named {@code remote-<user>-<root cluster>}; Teleport cluster names rarely
 * contain dashes (they are usually host names), so the cluster is taken after the last dash.
 *
 * @param teleportName the full Teleport name as the database sees it ({@code remote-alice-root})
 * @param user         the person's Teleport user name ({@code alice})
 * @param cluster      for a remote user, the cluster the user comes from ({@code root})
 */
public record TeleportName(String teleportName, String user, Optional<String> cluster) {
    private static final String REMOTE = "remote-";

    public static TeleportName fromMongoName(String mongoName) {
        String name = mongoName.startsWith("CN=") ? mongoName.substring(3) : mongoName;
        if (name.startsWith(REMOTE)) {
            String rest = name.substring(REMOTE.length());
            int dash = rest.lastIndexOf('-');
            if (dash > 0 && dash < rest.length() - 1) {
                return new TeleportName(name, rest.substring(0, dash), Optional.of(rest.substring(dash + 1)));
            }
        }
        return new TeleportName(name, name, Optional.empty());
    }

    /** {@code CN=alice}: the MongoDB user name Teleport uses for a Teleport name. */
    public static String mongoNameOf(String teleportName) {
        return teleportName.startsWith("CN=") ? teleportName : "CN=" + teleportName;
    }
}
