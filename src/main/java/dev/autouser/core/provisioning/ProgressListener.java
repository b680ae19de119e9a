package dev.autouser.core.provisioning;

/** Hears each user's result as a bulk operation goes (for progress bars and the CLI). */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (result, finished, total) -> { };

    void onResult(UserResult result, int finished, int total);

    /**
     * Asked before each user by engines that can stop between users (PostgreSQL): true stops the run
     * there, and every user not reached is reported "not attempted". The person's Stop in the GUI.
     */
    default boolean stopRequested() {
        return false;
    }
}
