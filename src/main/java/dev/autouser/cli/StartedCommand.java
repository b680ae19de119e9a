package dev.autouser.cli;

import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

/**
 * What was started, for the start-up log line: the command path and the names of the options
 * given, never their values or the positional arguments (a URI may hold a password, a file name
 * or a user name is nobody else's business).
 */
final class StartedCommand {
    private StartedCommand() {
    }

    /** "command: autouser users lock --uri --tls-ca --yes" ("autouser" alone opens the console). */
    static String describe(CommandLine.ParseResult parsed) {
        List<String> words = new ArrayList<>();
        for (CommandLine.ParseResult level = parsed; level != null; level = level.subcommand()) {
            words.add(level.commandSpec().name());
            level.matchedOptions().forEach(option -> words.add(option.longestName()));
        }
        return "command: " + String.join(" ", words);
    }
}
