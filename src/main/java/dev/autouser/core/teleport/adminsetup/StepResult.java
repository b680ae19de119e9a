package dev.autouser.core.teleport.adminsetup;

/** What happened to one planned step when applying. */
public record StepResult(PlannedStep step, Outcome outcome, String detail) {
    public enum Outcome { DONE, DONE_AFTER_FALLBACK, REFUSED, FAILED, SKIPPED }

    public boolean succeeded() {
        return outcome == Outcome.DONE || outcome == Outcome.DONE_AFTER_FALLBACK;
    }

    public String line() {
        String what = step.commandName() + " " + step.target();
        return switch (outcome) {
            case DONE -> "done: " + what;
            case DONE_AFTER_FALLBACK -> "done: " + what + " existed, so " + detail;
            case REFUSED -> "refused: " + what + " — " + detail;
            case FAILED -> "failed: " + what + " — " + detail;
            case SKIPPED -> "skipped: " + what + " (an earlier step did not succeed)";
        };
    }
}
