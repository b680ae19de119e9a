package dev.autouser.core.teleport;

import dev.autouser.core.mongo.CommandRunner;
import dev.autouser.core.mongo.CommandRefusedException;
import dev.autouser.core.mongo.ConsoleException;
import dev.autouser.core.mongo.MongoGateway;
import org.bson.Document;

/**
 * Runs commands through the core's {@link MongoGateway} (round trips counted, errors phrased by
 * the core); a server refusal keeps its code so callers can tell "not allowed" from "not there".
 */
public final class GatewayCommandRunner implements CommandRunner {
    private final MongoGateway gateway;

    public GatewayCommandRunner(MongoGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public Document run(String db, Document command) {
        String name = command.keySet().iterator().next();
        try {
            return gateway.run(db, command, "run " + name + " on " + db);
        } catch (ConsoleException e) {
            if (e.serverCode().isPresent()) {
                throw new CommandRefusedException(e.serverCode().getAsInt(), e.getMessage());
            }
            throw e;
        }
    }
}
