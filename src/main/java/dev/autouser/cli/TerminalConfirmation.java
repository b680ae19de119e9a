package dev.autouser.cli;

import dev.autouser.core.ConsoleException;
import dev.autouser.core.provisioning.CleanupPlan;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * How an irreversible bulk action ({@code drop}, {@code cleanup}) is confirmed: the person types
 * "drop N" at the terminal, or passes {@code --yes}. Without a terminal it refuses to act.
 */
final class TerminalConfirmation {
    private TerminalConfirmation() {
    }

    /**
     * @return true when the person typed the expected words; false (and said so) when not
     * @throws ConsoleException when there is no terminal to ask on (a usage error: pass --yes)
     */
    /** Each plan that changes something is confirmed in turn (a policy run: its locks, then its drops). */
    static boolean confirmed(CliContext context, PrintWriter out, PrintWriter err, CleanupPlan... plans) {
        for (CleanupPlan plan : plans) {
            if (!plan.isEmpty() && !confirmed(context, out, err, plan)) {
                return false;
            }
        }
        return true;
    }

    static boolean confirmed(CliContext context, PrintWriter out, PrintWriter err, CleanupPlan plan) {
        String verb = plan.action().verb();
        int count = plan.actions().size();
        if (!context.interactive()) {
            throw new ConsoleException("Refusing to " + verb + " " + count + (count == 1 ? " user" : " users")
                    + " without confirmation: there is no terminal to ask on; pass --yes to act.");
        }
        String expected = verb + " " + count;
        out.print("Type \"" + expected + "\" to " + verb + " " + (count == 1 ? "this user" : "these " + count + " users") + ": ");
        out.flush();
        try {
            String answer = context.input().readLine();
            if (answer != null && answer.trim().equals(expected)) {
                return true;
            }
        } catch (IOException e) {
            throw new ConsoleException("Cannot read the confirmation: " + e.getMessage(), e);
        }
        err.println("Not confirmed: nothing was changed.");
        return false;
    }
}
