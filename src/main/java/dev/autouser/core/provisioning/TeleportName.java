package dev.autouser.core.provisioning;

import dev.autouser.core.ConsoleException;
import java.util.Optional;

/**
 * The Teleport user behind a MongoDB auto-user name. The MongoDB name is {@code CN=<teleport name>}
 * (Teleport does no RFC 2253 escaping). A user who comes from another (root) cluster into a leaf
 * cluster's database is named {@code remote-<user>-<root cluster>}. The split is ambiguous when both
 * contain dashes: by default the user is taken up to the first dash (user names usually come from
 * SSO e-mail addresses; cluster names such as {@code root-us} or {@code acme-prod} often have
 * dashes). When the cluster names are known, {@link #fromMongoName(String, java.util.Collection)}
 * matches them exactly.
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
            int dash = rest.indexOf('-');
            if (dash > 0 && dash < rest.length() - 1) {
                return new TeleportName(name, rest.substring(0, dash), Optional.of(rest.substring(dash + 1)));
            }
        }
        return new TeleportName(name, name, Optional.empty());
    }

    /** Like {@link #fromMongoName(String)}, preferring a known cluster name at the end. */
    public static TeleportName fromMongoName(String mongoName, java.util.Collection<String> knownClusters) {
        String name = mongoName.startsWith("CN=") ? mongoName.substring(3) : mongoName;
        if (name.startsWith(REMOTE)) {
            String rest = name.substring(REMOTE.length());
            for (String cluster : knownClusters) {
                String suffix = "-" + cluster;
                if (rest.endsWith(suffix) && rest.length() > suffix.length()) {
                    return new TeleportName(name, rest.substring(0, rest.length() - suffix.length()),
                            Optional.of(cluster));
                }
            }
        }
        return fromMongoName(mongoName);
    }

    /**
     * The one reading of a user name a person typed, for every command of the CLI and the GUI:
     * {@code alice}, {@code CN=alice} and {@code cn=alice} all mean the Teleport user {@code alice},
     * whose MongoDB user is {@code CN=alice}. (Teleport user names never start with {@code CN=}; a DBA
     * who types it means the MongoDB user.)
     *
     * @throws ConsoleException when nothing is left of the name
     */
    public static String teleportNameOf(String given) {
        rejectControlCharacters(given == null ? "" : given);
        String name = given == null ? "" : given.strip();
        if (name.regionMatches(true, 0, "CN=", 0, 3)) {
            name = name.substring(3);
        }
        if (name.isEmpty()) {
            throw new ConsoleException("The user name \"" + (given == null ? "" : given)
                    + "\" is empty: give a Teleport user (alice) or a MongoDB user (CN=alice).");
        }
        return name;
    }

    /** A newline, ESC or NUL in a name is a paste accident or an attack on the terminal, never a Teleport user. */
    private static void rejectControlCharacters(String given) {
        for (int i = 0; i < given.length(); i++) {
            char c = given.charAt(i);
            if (Character.isISOControl(c)) {
                throw new ConsoleException("The user name contains a control character (" + String.format("U+%04X", (int) c)
                        + " at position " + (i + 1) + "); Teleport user names never do.");
            }
        }
    }

    /** {@code CN=alice}: the MongoDB user name Teleport uses, for a name a person typed (see {@link #teleportNameOf}). */
    public static String mongoNameOf(String given) {
        return "CN=" + teleportNameOf(given);
    }
}
