package dev.autouser.ui.app;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.ui.rolemapping.RoleDraft;
import dev.autouser.ui.rolemapping.RoleMappingViewModel;
import dev.autouser.ui.support.ConsoleSession;
import dev.autouser.ui.support.DialogService;
import dev.autouser.ui.support.FxExecutors;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Builds the admin-setup and role-mapping pages for one connection, for its engine. Both pages share
 * one role-mapping editor, which lives as long as the connection and whose content survives a reconnect.
 */
public abstract class TeleportPages {
    protected final ConsoleSession session;
    protected final AuditLog audit;
    protected final DialogService dialogs;
    protected final FxExecutors executors;
    protected final ObservableStringValue serverTrouble;
    private final Optional<RoleDraft> draft;
    private RoleMappingViewModel roleMapping;

    protected TeleportPages(ConsoleSession session, AuditLog audit, DialogService dialogs, FxExecutors executors,
                            Optional<RoleDraft> draft, ObservableStringValue serverTrouble) {
        this.session = session;
        this.audit = audit;
        this.dialogs = dialogs;
        this.executors = executors;
        this.draft = draft;
        this.serverTrouble = serverTrouble;
    }

    /** The pages for {@code session}'s engine; {@code draft}: the role mapping editor's content from the previous connection. */
    public static TeleportPages of(ConsoleSession session, AuditLog audit, DialogService dialogs, FxExecutors executors,
                                   Optional<RoleDraft> draft, ObservableStringValue serverTrouble) {
        return session.postgres().<TeleportPages>map(pg -> new PostgresTeleportPages(session, pg, audit, dialogs, executors, draft,
                serverTrouble)).orElseGet(() -> new MongoTeleportPages(session, audit, dialogs, executors, draft, serverTrouble));
    }

    public abstract Node adminSetup();

    public abstract Node roleMapping();

    /** The editor for this engine, not yet bound or resumed. */
    protected abstract RoleMappingViewModel newRoleMapping();

    /**
     * The demo writes Teleport's admin certificate next to the DBA's: offered as the simulation's
     * identity, so the demo's simulation proves the admin role rather than the DBA's privileges.
     */
    protected final Optional<Path> demoAdminCertificate() {
        return session.ownedServer().isEmpty() ? Optional.empty()
                : session.profile().tlsCertFile().map(dba -> dba.resolveSibling("teleport-admin.pem")).filter(Files::isRegularFile);
    }

    /** What the role mapping editor holds now; the previous draft when it was never opened. */
    public final synchronized Optional<RoleDraft> roleDraft() {
        return roleMapping == null ? draft : roleMapping.draft();
    }

    protected final synchronized RoleMappingViewModel roleMappingModel() {
        if (roleMapping == null) {
            roleMapping = newRoleMapping();
            roleMapping.serverTroubleProperty().bind(serverTrouble);
            draft.ifPresent(roleMapping::resume);
        }
        return roleMapping;
    }
}
