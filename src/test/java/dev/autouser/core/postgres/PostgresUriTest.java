package dev.autouser.core.postgres;

import dev.autouser.core.ConsoleException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** libpq's URI, read as libpq reads it; bad ones refused with one sentence naming the problem. */
class PostgresUriTest {
    @Test
    void readsUserHostsPortsDatabaseAndTheTlsParameters() {
        PostgresUri uri = PostgresUri.parse("postgresql://teleport%2Dadmin@db1:5433,[::1]/sales%20eu?sslmode=verify-full"
                + "&sslrootcert=/tmp/ca.cas&sslcert=/tmp/a.crt&sslkey=/tmp/a.key");
        assertEquals(Optional.of("teleport-admin"), uri.user());
        assertEquals(List.of(new PostgresUri.HostPort("db1", 5433), new PostgresUri.HostPort("::1", 5432)), uri.hosts());
        assertEquals("db1:5433,[::1]:5432", uri.hostList());
        assertEquals("sales eu", uri.databaseOr("x"));
        assertEquals(Optional.of("/tmp/a.key"), uri.parameter("sslkey"));
        assertFalse(uri.hasPassword());
    }

    @Test
    void theDatabaseDefaultsToTheUserNameAsInLibpqAndPostgresSchemeWorks() {
        assertEquals("alice", PostgresUri.parse("postgres://alice@h").databaseOr("alice"));
        assertEquals("postgres", PostgresUri.parse("postgresql://h").databaseOr(""));
        assertTrue(PostgresUri.parse("postgresql://u:secret@h/db").hasPassword());
    }

    @Test
    void badUrisSayWhatIsWrong() {
        assertMessage("postgresql://h:0/db", "is not a number from 1 to 65535");
        assertMessage("postgresql://h:abc/db", "is not a number from 1 to 65535");
        assertMessage("postgresql:///db", "names no host");
        assertMessage("postgresql://[::1/db", "Unclosed [");
        assertMessage("postgresql://h/db?sslmode=verify", "Unknown sslmode \"verify\"");
        assertMessage("postgresql://h/db?sslmode", "has no value");
        assertMessage("postgresql://h/db?target_session_attrs=any", "does not understand the PostgreSQL URI parameter");
        assertMessage("postgresql://h/%ZZ", "broken %-escape");
        assertMessage("postgresql://h/db?host=x", "not as host= or port=");
        assertMessage("mongodb://h", "Not a PostgreSQL URI");
    }

    private static void assertMessage(String uri, String expected) {
        ConsoleException e = assertThrows(ConsoleException.class, () -> PostgresUri.parse(uri));
        assertTrue(e.getMessage().contains(expected), uri + " -> " + e.getMessage());
    }
}
