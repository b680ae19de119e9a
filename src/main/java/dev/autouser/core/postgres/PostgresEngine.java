package dev.autouser.core.postgres;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.engine.AutoUserEngine;
import dev.autouser.core.engine.Engine;
import dev.autouser.core.engine.TeleportProvisioning;
import dev.autouser.core.engine.UserActions;
import dev.autouser.core.ConsoleException;
import dev.autouser.core.provisioning.AutoUserListing;

import java.util.List;
import java.util.function.BiFunction;

/** PostgreSQL behind the engine interface: the members of {@code teleport-auto-user} on one server. */
public final class PostgresEngine implements AutoUserEngine {
    private final PostgresGateway gateway;
    private final BiFunction<PostgresGateway, AuditLog, TeleportProvisioning> teleport;

    /** An engine without Teleport's session start/end (listing, lock, drop, cleanup only). */
    public PostgresEngine(PostgresGateway gateway) {
        this(gateway, (g, audit) -> {
            throw new ConsoleException("Teleport's PostgreSQL session start and end are not wired into this engine.");
        });
    }

    /**
     * {@code teleport} runs Teleport's procedures (core.postgres.teleport.PostgresTeleportProvisioning::new);
     * passed in because that package builds on this one.
     */
    public PostgresEngine(PostgresGateway gateway, BiFunction<PostgresGateway, AuditLog, TeleportProvisioning> teleport) {
        this.gateway = gateway;
        this.teleport = teleport;
    }

    public PostgresGateway gateway() {
        return gateway;
    }

    @Override
    public Engine engine() {
        return Engine.POSTGRESQL;
    }

    @Override
    public String server() {
        return gateway.server();
    }

    @Override
    public String identity() {
        return gateway.identity();
    }

    @Override
    public AutoUserListing list() {
        return new PostgresLister(gateway).list();
    }

    @Override
    public int settleLostReplies(AuditLog audit) {
        return PostgresUnknownOutcomes.settle(gateway, audit);
    }

    @Override
    public UserActions actions(AuditLog audit) {
        return new PostgresUserActions(gateway, audit);
    }

    /** Teleport's PostgreSQL procedures (activate-user.sql, deactivate-user.sql, delete-user.sql). */
    @Override
    public TeleportProvisioning teleport(AuditLog audit) {
        return teleport.apply(gateway, audit);
    }

    @Override
    public List<String> permissions() {
        return gateway.facts().permissions();
    }

    @Override
    public void close() {
        gateway.close();
    }
}
