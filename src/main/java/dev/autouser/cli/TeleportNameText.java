package dev.autouser.cli;

import dev.autouser.core.provisioning.TeleportName;

/** The MongoDB name shown for a user given on the command line. */
final class TeleportNameText {
    private TeleportNameText() {
    }

    static String of(String user) {
        return TeleportName.mongoNameOf(user);
    }
}
