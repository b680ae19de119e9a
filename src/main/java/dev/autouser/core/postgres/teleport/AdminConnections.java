package dev.autouser.core.postgres.teleport;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a fresh connection as Teleport's admin user to a database, as the agent does for each step. */
@FunctionalInterface
public interface AdminConnections {
    Connection open(String database) throws SQLException;
}
