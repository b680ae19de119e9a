package dev.autouser.cli;

import dev.autouser.core.mongo.ConsoleException;
import dev.autouser.core.teleport.TeleportRole;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
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

    String readFile() {
        try {
            return Files.readString(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ConsoleException("No such file: " + file);
        } catch (IOException e) {
            throw new ConsoleException("Cannot read " + file + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ".");
        }
    }

    /** Parsed here, so a bad file surfaces as a TeleportConfigException the caller reports. */
    TeleportRole role() {
        return TeleportRole.parse(readFile(), file.getFileName().toString());
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
