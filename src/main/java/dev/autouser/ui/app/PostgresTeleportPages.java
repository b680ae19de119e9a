package dev.autouser.ui.app;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.postgres.PostgresGateway;
import dev.autouser.ui.adminsetup.PostgresAdminSetupView;
import dev.autouser.ui.adminsetup.PostgresAdminSetupViewModel;
import dev.autouser.ui.rolemapping.PostgresRoleChecks;
import dev.autouser.ui.rolemapping.RoleDraft;
import dev.autouser.ui.rolemapping.RoleEntryHints;
import dev.autouser.ui.rolemapping.RoleMappingView;
import dev.autouser.ui.rolemapping.RoleMappingViewModel;
import dev.autouser.ui.rolemapping.SessionPreviewModel;
import dev.autouser.ui.rolemapping.SessionPreviews;
import dev.autouser.ui.rolemapping.SimulationLogins;
import dev.autouser.ui.connect.GatewayConnector;
import dev.autouser.ui.support.ConsoleSession;
import dev.autouser.ui.support.DialogService;
import dev.autouser.ui.support.FxExecutors;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;

import java.util.Optional;

/**
 * PostgreSQL's pages. They share Teleport's admin role name: the admin setup checks it, and on
 * PostgreSQL 16+ the role mapping checks that it holds each db_roles entry WITH ADMIN OPTION.
 */
final class PostgresTeleportPages extends TeleportPages {
    private final PostgresGateway gateway;
    private final StringProperty admin = new SimpleStringProperty("teleport-admin");

    PostgresTeleportPages(ConsoleSession session, ConsoleSession.PostgresSide postgres, AuditLog audit, DialogService dialogs,
                          FxExecutors executors, Optional<RoleDraft> draft, ObservableStringValue serverTrouble) {
        super(session, audit, dialogs, executors, draft, serverTrouble);
        this.gateway = postgres.gateway();
    }

    @Override
    public Node adminSetup() {
        PostgresAdminSetupViewModel model = new PostgresAdminSetupViewModel(gateway, audit, dialogs, executors);
        model.adminRoleProperty().bindBidirectional(admin);
        model.serverTroubleProperty().bind(serverTrouble); // before the view opens it: it checks only a server that answers
        return new PostgresAdminSetupView(model);
    }

    @Override
    public Node roleMapping() {
        SessionPreviewModel preview = new SessionPreviewModel(roleMappingModel(), SessionPreviews.postgres(gateway),
                SimulationLogins.postgres(gateway, GatewayConnector.postgresProfile(session.profile()), audit), dialogs, executors);
        demoAdminCertificate().ifPresent(pem -> preview.adminCertificateProperty().set(pem.toString()));
        return new RoleMappingView(roleMappingModel(), preview);
    }

    @Override
    protected RoleMappingViewModel newRoleMapping() {
        return new RoleMappingViewModel(new PostgresRoleChecks(gateway, admin), RoleEntryHints.POSTGRES, dialogs, executors);
    }
}
