package dev.autouser.core.provisioning;

/** What happened to one user in a bulk operation. */
public record UserResult(String mongoName, CleanupAction action, Status status, String detail) {
    public enum Status { DONE, SKIPPED, FAILED }

    public static UserResult done(String name, CleanupAction action, String detail) {
        return new UserResult(name, action, Status.DONE, detail);
    }

    public static UserResult skipped(String name, CleanupAction action, String detail) {
        return new UserResult(name, action, Status.SKIPPED, detail);
    }

    public static UserResult failed(String name, CleanupAction action, String detail) {
        return new UserResult(name, action, Status.FAILED, detail);
    }
}
