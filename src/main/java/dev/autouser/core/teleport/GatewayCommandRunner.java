package dev.autouser.core.teleport;

import dev.autouser.core.mongo.CommandRunner;
import dev.autouser.core.mongo.MongoCommand;
import dev.autouser.core.mongo.MongoGateway;
import org.bson.Document;

/**
 * Runs commands through the core's {@link MongoGateway} (round trips counted, logged, errors
 * phrased by the core); a server refusal arrives as the gateway's exception, code and cause kept,
 * so callers can tell "not allowed" from "not there".
 */
public final class GatewayCommandRunner implements CommandRunner {
    private final MongoGateway gateway;

    public GatewayCommandRunner(MongoGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public Document run(String db, Document command) {
        String name = command.keySet().iterator().next();
        return gateway.run(MongoCommand.of(db, command, "run " + name + " on " + db));
    }
}
