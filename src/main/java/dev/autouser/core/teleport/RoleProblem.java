package dev.autouser.core.teleport;

/**
 * One finding about a Teleport role, attached to the field and (when there is one) the entry it is
 * about, so an editor can show it next to that entry.
 */
public record RoleProblem(Severity severity, String field, String entry, String message) {
    /** ERROR: Teleport would refuse or misbehave. WARNING: works, but probably not as meant. NOTE: could not check. */
    public enum Severity { ERROR, WARNING, NOTE }

    public RoleProblem {
        entry = entry == null ? "" : entry;
    }

    public static RoleProblem error(String field, String entry, String message) {
        return new RoleProblem(Severity.ERROR, field, entry, message);
    }

    public static RoleProblem warning(String field, String entry, String message) {
        return new RoleProblem(Severity.WARNING, field, entry, message);
    }

    public static RoleProblem note(String field, String entry, String message) {
        return new RoleProblem(Severity.NOTE, field, entry, message);
    }

    /** One line for a terminal: {@code `readwrite@db1`: no such role — did you mean `readWrite`?} */
    public String line() {
        String subject = entry.isEmpty() ? field : "`" + entry + "`";
        return subject + ": " + message;
    }
}
