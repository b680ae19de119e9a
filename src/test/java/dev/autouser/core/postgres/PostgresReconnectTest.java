package dev.autouser.core.postgres;

import dev.autouser.core.ConnectionLostException;
import dev.autouser.testsupport.PostgresTarget;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's connection dies under it (its backend terminated, as a server restart or an admin's
 * {@code pg_terminate_backend} does): the statement that saw it break fails as a lost connection and is
 * not re-sent; the next statement runs on a new connection, the same role, without the person
 * reconnecting by hand.
 */
class PostgresReconnectTest {
    private final PostgresTarget target = PostgresTarget.shared();

    @Test
    void theStatementAfterATerminatedBackendRunsOnANewConnectionAsTheSameRole() {
        try (PostgresGateway gateway = PostgresGateway.connect(target.profileAs(PostgresTarget.DBA), null, null)) {
            int first = backendPid(gateway);
            assertTrue(target.queryBoolean("SELECT pg_terminate_backend(" + first + ")"), "the backend was terminated");

            ConnectionLostException lost = assertThrows(ConnectionLostException.class, () -> backendPid(gateway));
            assertTrue(lost.getMessage().startsWith("The connection to PostgreSQL was lost while trying to read the backend"),
                    lost.getMessage());

            int second = backendPid(gateway);
            assertNotEquals(first, second, "a new backend serves the next statement");
            assertEquals(PostgresTarget.DBA, gateway.query("SELECT current_user", "read the role",
                    rows -> rows.next() ? rows.getString(1) : ""));
        }
    }

    @Test
    void aChangeOnTheNewConnectionReachesTheServer() {
        try (PostgresGateway gateway = PostgresGateway.connect(target.profileAs(PostgresTarget.DBA), null, null)) {
            target.queryBoolean("SELECT pg_terminate_backend(" + backendPid(gateway) + ")");
            assertThrows(ConnectionLostException.class, () -> backendPid(gateway));

            String table = "pgreconnect_" + Long.toString(System.nanoTime() % 1_000_000L, 36);
            gateway.execute(SqlCommand.of("postgres", "CREATE TABLE", "create a table", "CREATE TABLE " + table + " (id int)"));
            assertTrue(target.queryBoolean("SELECT to_regclass('" + table + "') IS NOT NULL"), "created on the server");
            target.sql("DROP TABLE " + table);
        }
    }

    private static int backendPid(PostgresGateway gateway) {
        return gateway.query("SELECT pg_backend_pid()", "read the backend", rows -> rows.next() ? rows.getInt(1) : -1);
    }
}
