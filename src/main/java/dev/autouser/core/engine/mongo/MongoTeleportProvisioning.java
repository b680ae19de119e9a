package dev.autouser.core.engine.mongo;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.engine.TeleportProvisioning;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.provisioning.RoleRef;
import dev.autouser.core.provisioning.TeleportProvisioner;

import java.util.List;

/** Teleport's MongoDB session start/end ({@link TeleportProvisioner}); roles are {@code role@db}. */
final class MongoTeleportProvisioning implements TeleportProvisioning {
    private final TeleportProvisioner provisioner;

    MongoTeleportProvisioning(MongoGateway gateway, AuditLog audit) {
        this.provisioner = new TeleportProvisioner(gateway, audit);
    }

    @Override
    public SessionOutcome activate(String teleportUser, List<String> roles) {
        return outcome(provisioner.activate(teleportUser, roles.stream().map(RoleRef::parse).toList()));
    }

    @Override
    public SessionOutcome deactivate(String teleportUser) {
        return outcome(provisioner.deactivate(teleportUser));
    }

    @Override
    public SessionOutcome delete(String teleportUser) {
        return outcome(provisioner.delete(teleportUser));
    }

    static SessionOutcome outcome(TeleportProvisioner.Outcome outcome) {
        return switch (outcome) {
            case CREATED -> SessionOutcome.CREATED;
            case UPDATED -> SessionOutcome.ACTIVATED;
            case UNCHANGED_ACTIVE -> SessionOutcome.UNCHANGED_ACTIVE;
            case SKIPPED_ACTIVE -> SessionOutcome.SKIPPED_ACTIVE;
            case LOCKED -> SessionOutcome.LOCKED;
            case DROPPED -> SessionOutcome.DROPPED;
        };
    }
}
