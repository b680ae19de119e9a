package dev.autouser.core.provisioning;

/** Hears each user's result as a bulk operation goes (for progress bars and the CLI). */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (result, finished, total) -> { };

    void onResult(UserResult result, int finished, int total);
}
