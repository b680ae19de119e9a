package dev.autouser.ui.rolemapping;

import dev.autouser.core.postgres.PostgresGateway;
import dev.autouser.core.postgres.teleport.PostgresRoleMapping;
import dev.autouser.core.teleport.RoleProblem;
import dev.autouser.core.teleport.TeleportRole;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * PostgreSQL: each db_roles entry must be a role in pg_roles (no {@code @db}) and, on 16+, one
 * Teleport's admin holds WITH ADMIN OPTION; read in one query per check (the CLI's {@code role validate}).
 */
public final class PostgresRoleChecks implements RoleChecks {
    private final PostgresGateway gateway;
    private final StringProperty admin;

    /** {@code admin}: Teleport's admin role (admin_user.name), shared with the admin-setup page. */
    public PostgresRoleChecks(PostgresGateway gateway, StringProperty admin) {
        this.gateway = gateway;
        this.admin = admin;
    }

    @Override
    public Supplier<List<RoleProblem>> prepare(TeleportRole role, Map<String, List<String>> traits) {
        String adminName = admin.get() == null ? "" : admin.get().strip();
        return () -> PostgresRoleMapping.validate(role, traits, PostgresRoleMapping.ServerRoles.read(gateway, adminName));
    }

    @Override
    public Optional<StringProperty> admin() {
        return Optional.of(admin);
    }
}
