package dev.autouser.ui.rolemapping;

import dev.autouser.core.teleport.SessionSimulator;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Runs simulation work logged in as the identity of an admin certificate + key PEM, a second login
 * to the connected server (core's {@code TeleportAdminLogin}, the path the CLI's {@code --as-admin} takes).
 */
public interface AdminLogin {
    <T> T simulate(Path adminPem, Function<SessionSimulator, T> work);
}
