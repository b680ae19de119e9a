package dev.autouser.ui.app;

import dev.autouser.ui.adminsetup.AdminSetupView;
import dev.autouser.ui.adminsetup.AdminSetupViewModel;
import dev.autouser.ui.adminsetup.DatabaseChoice;
import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.mongo.CommandRunner;
import dev.autouser.core.provisioning.AutoUserLister;
import dev.autouser.core.provisioning.RoleRef;
import dev.autouser.core.teleport.GatewayCommandRunner;
import dev.autouser.core.teleport.LeastPrivilegeDatabases;
import dev.autouser.core.teleport.ServerRoleCatalog;
import dev.autouser.core.teleport.SessionPreviewer;
import dev.autouser.core.teleport.SessionSimulator;
import dev.autouser.core.teleport.TeleportAdminLogin;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.teleport.adminsetup.AdminSetup;
import dev.autouser.ui.support.ConsoleSession;
import dev.autouser.ui.support.DialogService;
import dev.autouser.ui.support.FxExecutors;
import dev.autouser.ui.rolemapping.RoleMappingView;
import dev.autouser.ui.rolemapping.RoleMappingViewModel;
import dev.autouser.ui.rolemapping.SessionPreviewModel;
import javafx.scene.Node;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds the admin-setup and role-mapping pages for one connection. They share the role being
 * edited: with the roles the auto-users hold, it decides the admin setup's least-privilege databases.
 */
public final class TeleportPages {
    private final ConsoleSession session;
    private final MongoGateway gateway;
    private final AuditLog audit;
    private final DialogService dialogs;
    private final FxExecutors executors;
    private final CommandRunner server;
    private final java.util.Optional<dev.autouser.ui.rolemapping.RoleDraft> draft;
    private RoleMappingViewModel roleMapping;
    private final javafx.beans.value.ObservableStringValue serverTrouble;

    /** {@code draft}: the role mapping editor's content from the previous connection, if any. */
    public TeleportPages(ConsoleSession session, AuditLog audit, DialogService dialogs, FxExecutors executors,
                         java.util.Optional<dev.autouser.ui.rolemapping.RoleDraft> draft,
                         javafx.beans.value.ObservableStringValue serverTrouble) {
        this.serverTrouble = serverTrouble;
        this.draft = draft;
        this.session = session;
        this.audit = audit;
        this.dialogs = dialogs;
        this.executors = executors;
        this.gateway = session.mongo().orElseThrow(() -> new IllegalArgumentException(
                "Admin setup and role mapping here are MongoDB's")).gateway();
        this.server = new GatewayCommandRunner(gateway);
    }

    public Node adminSetup() {
        AdminSetup setup = new AdminSetup(server, gateway.server(), gateway.identity(), audit);
        DatabaseChoice databases = new DatabaseChoice(server, this::leastPrivilegeDatabases);
        AdminSetupViewModel model = new AdminSetupViewModel(setup, databases, session.profile().uri(), dialogs, executors);
        model.serverTroubleProperty().bind(serverTrouble);
        return new AdminSetupView(model);
    }

    public Node roleMapping() {
        SessionPreviewModel preview = new SessionPreviewModel(roleMappingModel(), new SessionPreviewer(server),
                SessionSimulator.on(gateway, audit), new dev.autouser.ui.rolemapping.AdminLogin() {
                    @Override
                    public <T> T simulate(java.nio.file.Path adminPem, java.util.function.Function<SessionSimulator, T> work) {
                        return TeleportAdminLogin.simulate(session.profile(), adminPem, MongoGateway.DEFAULT_TIMEOUT, audit, work);
                    }
                }, dialogs, executors);
        demoAdminCertificate().ifPresent(pem -> preview.adminCertificateProperty().set(pem.toString()));
        return new RoleMappingView(roleMappingModel(), preview);
    }

    /**
     * The demo writes Teleport's admin certificate next to the DBA's: offered as the simulation's
     * identity, so the demo's simulation proves the admin role rather than root's privileges.
     */
    private java.util.Optional<java.nio.file.Path> demoAdminCertificate() {
        return session.ownedServer().isEmpty() ? java.util.Optional.empty()
                : session.profile().tlsCertFile().map(dba -> dba.resolveSibling("teleport-admin.pem"))
                        .filter(java.nio.file.Files::isRegularFile);
    }

    /** What the role mapping editor holds now; the previous draft when it was never opened. */
    public synchronized java.util.Optional<dev.autouser.ui.rolemapping.RoleDraft> roleDraft() {
        return roleMapping == null ? draft : roleMapping.draft();
    }

    /**
     * From the role being edited (copied here, on the FX thread) and the roles the auto-users hold
     * now (one listing, in the background).
     */
    private Supplier<LeastPrivilegeDatabases> leastPrivilegeDatabases() {
        RoleMappingViewModel mapping = roleMappingModel();
        List<String> allowRoles = List.copyOf(mapping.allowRoles());
        Map<String, List<String>> traits = mapping.traits();
        return () -> {
            List<RoleRef> held = new AutoUserLister(gateway).list().users().stream()
                    .flatMap(user -> user.roles().stream()).distinct().toList();
            return LeastPrivilegeDatabases.derive(allowRoles, traits, held);
        };
    }

    private synchronized RoleMappingViewModel roleMappingModel() {
        if (roleMapping == null) {
            roleMapping = new RoleMappingViewModel(new ServerRoleCatalog(server), dialogs, executors);
            roleMapping.serverTroubleProperty().bind(serverTrouble);
            draft.ifPresent(roleMapping::resume);
        }
        return roleMapping;
    }
}
