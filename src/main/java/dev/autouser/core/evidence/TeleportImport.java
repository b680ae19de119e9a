package dev.autouser.core.evidence;

import dev.autouser.core.engine.Engine;
import dev.autouser.core.history.ActivitySink;
import dev.autouser.core.ConsoleException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One import of a Teleport audit file into the history, as the CLI and the GUI both run it: the events
 * of one engine only ({@code db_protocol} {@code mongodb} or {@code postgres}; optionally of one database
 * service), each auto-user's last session recorded for {@code server} (the history's name of the server
 * the console talks to) under that engine.
 */
public final class TeleportImport {
    private TeleportImport() {
    }

    /** What was imported and how many users' last sessions were recorded. */
    public record Result(TeleportActivity.Import imported, int recorded) {
        public String summary() {
            return imported.counts().summary() + "; " + recorded + (recorded == 1 ? " user's" : " users'")
                    + " last session recorded.";
        }
    }

    /** MongoDB's events. */
    public static Result run(Path file, String server, Optional<String> service, ActivitySink history) {
        return run(file, server, Engine.MONGODB, service, history);
    }

    /** The events of {@code engine}'s databases, recorded in that engine's history of {@code server}. */
    public static Result run(Path file, String server, Engine engine, Optional<String> service, ActivitySink history) {
        String protocol = engine == Engine.POSTGRESQL ? "postgres" : "mongodb";
        if (!Files.isRegularFile(file)) {
            throw new ConsoleException("The file " + file + " does not exist or is not a regular file.");
        }
        TeleportActivity.Import imported;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            imported = TeleportActivity.read(reader, event -> protocol.equals(event.protocol())
                    && service.map(s -> s.equals(event.databaseService())).orElse(true));
        } catch (IOException e) {
            throw new ConsoleException("The file " + file + " cannot be read: " + e.getMessage());
        }
        List<ActivitySink.Sighting> sightings = TeleportActivity.sightings(imported, server, engine);
        history.recordActivity(sightings);
        history.recordTeleportDeactivations(TeleportActivity.deactivations(imported, server, engine));
        history.recordTeleportIdentities(TeleportActivity.identities(imported, server, engine));
        return new Result(imported, sightings.size());
    }
}
