package dev.autouser.cli;

import dev.autouser.core.mongo.MongoGateway;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code --allow-unverified HOST}: the person's explicit, audited acceptance that a member or
 * router which cannot be asked for its sessions may hold a session the console cannot see.
 * Without it, a lock or drop is refused for every user while any node is silent.
 */
final class UnverifiedHostsOption {
    @Option(names = "--allow-unverified", paramLabel = "HOST",
            description = "Act even though this member or mongos (host:port, as the refusal names it) cannot be asked"
                    + " for sessions; a user connected there could lose that session. Repeatable; audited.")
    List<String> hosts = new ArrayList<>();

    /** PostgreSQL has no such hosts: one server, whose pg_stat_activity shows every session of every database. */
    void refuseForPostgres() {
        if (!hosts.isEmpty()) {
            throw new dev.autouser.core.ConsoleException("--allow-unverified is for MongoDB members and routers that cannot"
                    + " be asked for sessions; PostgreSQL's pg_stat_activity shows every session of the server, so there is"
                    + " no host to accept.");
        }
    }

    void applyTo(MongoGateway gateway) {
        if (!hosts.isEmpty()) {
            gateway.allowUnverified(hosts);
        }
    }
}
