package dev.autouser.core.postgres;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.engine.AutoUserEngine;
import dev.autouser.core.engine.Engine;
import dev.autouser.core.engine.TeleportProvisioning;
import dev.autouser.core.engine.UserActions;
import dev.autouser.core.provisioning.AutoUserListing;

import java.util.List;

/** PostgreSQL behind the engine interface: the members of {@code teleport-auto-user} on one server. */
public final class PostgresEngine implements AutoUserEngine {
    private final PostgresGateway gateway;

    public PostgresEngine(PostgresGateway gateway) {
        this.gateway = gateway;
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
    public UserActions actions(AuditLog audit) {
        return new PostgresUserActions(gateway, audit);
    }

    /** Teleport's PostgreSQL procedures (activate-user.sql, deactivate-user.sql, delete-user.sql). */
    @Override
    public TeleportProvisioning teleport(AuditLog audit) {
        return new PostgresTeleportProvisioning(gateway, audit);
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
