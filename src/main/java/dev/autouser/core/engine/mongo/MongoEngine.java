package dev.autouser.core.engine.mongo;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.engine.AutoUserEngine;
import dev.autouser.core.engine.Engine;
import dev.autouser.core.engine.TeleportProvisioning;
import dev.autouser.core.engine.UserActions;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.mongo.Operation;
import dev.autouser.core.mongo.ServerFacts;
import dev.autouser.core.provisioning.AutoUserLister;
import dev.autouser.core.provisioning.AutoUserListing;

import java.util.ArrayList;
import java.util.List;

/**
 * MongoDB behind the engine interface: an adapter over the classes that did this before there were
 * two engines ({@link AutoUserLister}, {@code UserCleanup}, {@code TeleportProvisioner}), which keep
 * doing exactly what they did. MongoDB-only features (topology, admin setup, role validation) use
 * {@link #gateway()} directly.
 */
public final class MongoEngine implements AutoUserEngine {
    private final MongoGateway gateway;
    /** One lister per connection: it remembers the name ranges that fitted in one reply last time. */
    private final AutoUserLister lister;

    public MongoEngine(MongoGateway gateway) {
        this.gateway = gateway;
        this.lister = new AutoUserLister(gateway);
    }

    public MongoGateway gateway() {
        return gateway;
    }

    @Override
    public Engine engine() {
        return Engine.MONGODB;
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
        return lister.list();
    }

    @Override
    public int settleLostReplies(AuditLog audit) {
        return dev.autouser.core.provisioning.UnknownOutcomes.settle(gateway, audit);
    }

    @Override
    public UserActions actions(AuditLog audit) {
        return new MongoUserActions(gateway, audit);
    }

    @Override
    public TeleportProvisioning teleport(AuditLog audit) {
        return new MongoTeleportProvisioning(gateway, audit);
    }

    /** The server's own account of the identity's privileges, as {@code server-info} prints it. */
    @Override
    public List<String> permissions() {
        ServerFacts facts = gateway.facts();
        List<String> lines = new ArrayList<>();
        for (Operation operation : Operation.values()) {
            lines.add((facts.can(operation) ? "yes " : "NO ") + operation.label()
                    + (facts.can(operation) ? "" : " - missing: " + String.join(", ",
                    facts.missing(operation).stream().map(p -> p.describe()).toList())));
        }
        return lines;
    }

    @Override
    public void close() {
        gateway.close();
    }
}
