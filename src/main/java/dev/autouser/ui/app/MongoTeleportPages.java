package dev.autouser.ui.app;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.mongo.CommandRunner;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.provisioning.AutoUserLister;
import dev.autouser.core.provisioning.RoleRef;
import dev.autouser.core.teleport.GatewayCommandRunner;
import dev.autouser.core.teleport.LeastPrivilegeDatabases;
import dev.autouser.core.teleport.ServerRoleCatalog;
import dev.autouser.core.teleport.SessionPreviewer;
import dev.autouser.core.teleport.SessionSimulator;
import dev.autouser.core.teleport.TeleportAdminLogin;
import dev.autouser.core.teleport.adminsetup.AdminSetup;
import dev.autouser.ui.adminsetup.AdminSetupView;
import dev.autouser.ui.adminsetup.AdminSetupViewModel;
import dev.autouser.ui.adminsetup.DatabaseChoice;
import dev.autouser.ui.rolemapping.AdminLogin;
import dev.autouser.ui.rolemapping.RoleDraft;
import dev.autouser.ui.rolemapping.RoleMappingView;
import dev.autouser.ui.rolemapping.RoleMappingViewModel;
import dev.autouser.ui.rolemapping.SessionPreviewModel;
import dev.autouser.ui.support.ConsoleSession;
import dev.autouser.ui.support.DialogService;
import dev.autouser.ui.support.FxExecutors;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * MongoDB's pages. They share the role being edited: with the roles the auto-users hold, it decides
 * the admin setup's least-privilege databases.
 */
final class MongoTeleportPages extends TeleportPages {
    private final MongoGateway gateway;
    private final CommandRunner server;

    MongoTeleportPages(ConsoleSession session, AuditLog audit, DialogService dialogs, FxExecutors executors,
                       Optional<RoleDraft> draft, ObservableStringValue serverTrouble) {
        super(session, audit, dialogs, executors, draft, serverTrouble);
        this.gateway = session.mongo().orElseThrow().gateway();
        this.server = new GatewayCommandRunner(gateway);
    }

    @Override
    public Node adminSetup() {
        AdminSetup setup = new AdminSetup(server, gateway.server(), gateway.identity(), audit);
        DatabaseChoice databases = new DatabaseChoice(server, this::leastPrivilegeDatabases);
        AdminSetupViewModel model = new AdminSetupViewModel(setup, databases, session.profile().uri(), dialogs, executors);
        model.serverTroubleProperty().bind(serverTrouble); // before the view opens it: it checks only a server that answers
        return new AdminSetupView(model);
    }

    @Override
    public Node roleMapping() {
        SessionPreviewModel preview = new SessionPreviewModel(roleMappingModel(), new SessionPreviewer(server),
                SessionSimulator.on(gateway, audit), new AdminLogin() {
                    @Override
                    public <T> T simulate(Path adminPem, Function<SessionSimulator, T> work) {
                        return TeleportAdminLogin.simulate(session.profile(), adminPem, MongoGateway.DEFAULT_TIMEOUT, audit, work);
                    }
                }, dialogs, executors);
        demoAdminCertificate().ifPresent(pem -> preview.adminCertificateProperty().set(pem.toString()));
        return new RoleMappingView(roleMappingModel(), preview);
    }

    @Override
    protected RoleMappingViewModel newRoleMapping() {
        return new RoleMappingViewModel(new ServerRoleCatalog(server), dialogs, executors);
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
}
