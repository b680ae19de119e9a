package dev.autouser.cli;

import dev.autouser.core.InputFileException;
import dev.autouser.core.ConsoleException;
import dev.autouser.core.teleport.TeleportRole;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The role file and sample traits the role subcommands share. */
final class RoleFileArguments {
    @Parameters(index = "0", paramLabel = "FILE", description = "A Teleport role in YAML, e.g. from tctl get role/NAME.")
    Path file;

    @Option(names = "--trait", paramLabel = "NAME=VALUE",
            description = "A sample trait value for templates such as {{internal.db_roles}}; repeat for several values.")
    List<String> traits = new ArrayList<>();

    /** Parsed here, so a bad file surfaces as a TeleportConfigException the caller reports. */
    TeleportRole role() {
        try {
            return TeleportRole.read(file);
        } catch (InputFileException e) {
            // the file itself cannot be used: a usage error, not a problem of the role
            throw new ConsoleException(e.getMessage());
        }
    }

    Map<String, List<String>> traitMap() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String trait : traits) {
            int eq = trait.indexOf('=');
            if (eq <= 0) {
                throw new ConsoleException("--trait needs NAME=VALUE, e.g. --trait db_roles=readWrite@db1 (got \"" + trait + "\").");
            }
            map.computeIfAbsent(trait.substring(0, eq).trim(), k -> new ArrayList<>()).add(trait.substring(eq + 1));
        }
        return map;
    }
}
