package dev.autouser.ui.connect;

import dev.autouser.core.mongo.ConnectionProfile;
import dev.autouser.ui.support.ConsoleSession;

/** Opens sessions; the seam between the connect screen and the driver (and the demo server). */
public interface Connector {
    /** Connects and reads the server facts; throws {@code ConsoleException} with a plain sentence. */
    ConsoleSession connect(ConnectionProfile profile, char[] passwordOrNull);

    /** Starts the embedded demo server with its own PKI and connects to it as the demo DBA. */
    ConsoleSession startDemo();

    /** Starts the embedded PostgreSQL demo and connects to it as its DBA. */
    default ConsoleSession startPostgresDemo() {
        throw new dev.autouser.core.ConsoleException("There is no PostgreSQL demo here.");
    }
}
