package dev.autouser.ui.rolemapping;

import dev.autouser.ui.support.BackgroundWork;
import dev.autouser.core.teleport.CreateDbUserMode;
import dev.autouser.core.teleport.SessionPreview;
import dev.autouser.core.teleport.SessionPreviewer;
import dev.autouser.core.teleport.SessionSimulator;
import dev.autouser.core.teleport.TeleportRole;
import dev.autouser.ui.support.Confirmation;
import dev.autouser.ui.support.DialogService;
import dev.autouser.ui.support.ErrorText;
import dev.autouser.ui.support.FileKind;
import dev.autouser.ui.support.FxExecutors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Preview (read-only) and simulated session (really changes the server) for the role being edited
 * in {@link RoleMappingViewModel}, for a Teleport user, optional root cluster and role subset.
 */
public final class SessionPreviewModel {
    private final RoleMappingViewModel editor;
    private final SessionPreviews previews;
    /** Absent where the console cannot simulate a session on this engine: preview only. */
    private final Optional<SimulationLogins> simulations;
    private final DialogService dialogs;
    private final BackgroundWork work;

    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty rootCluster = new SimpleStringProperty("");
    private final StringProperty requestedRoles = new SimpleStringProperty("");
    /** Teleport's admin certificate + key PEM to simulate as; "" runs as the connected identity. */
    private final StringProperty adminCertificate = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private final ObservableList<String> simulationSteps = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    /** Simulations run as the connected identity only (MongoDB). */
    public SessionPreviewModel(RoleMappingViewModel editor, SessionPreviewer previewer, SessionSimulator simulator,
                               DialogService dialogs, FxExecutors executors) {
        this(editor, previewer, simulator, new AdminLogin() {
            @Override
            public <T> T simulate(Path adminPem, java.util.function.Function<SessionSimulator, T> work) {
                throw new IllegalStateException("No second login to this server is available.");
            }
        }, dialogs, executors);
    }

    /** MongoDB; {@code adminLogin}: how a simulation runs as the identity of {@link #adminCertificateProperty()}. */
    public SessionPreviewModel(RoleMappingViewModel editor, SessionPreviewer previewer, SessionSimulator simulator,
                               AdminLogin adminLogin, DialogService dialogs, FxExecutors executors) {
        this(editor, SessionPreviews.mongo(previewer), Optional.of(SimulationLogins.mongo(simulator, adminLogin)), dialogs, executors);
    }

    /** Either engine: its preview, and its simulations as the connected identity or the admin certificate's. */
    public SessionPreviewModel(RoleMappingViewModel editor, SessionPreviews previews, SimulationLogins simulations,
                               DialogService dialogs, FxExecutors executors) {
        this(editor, previews, Optional.of(simulations), dialogs, executors);
    }

    /** Preview only. */
    public SessionPreviewModel(RoleMappingViewModel editor, SessionPreviews previews, DialogService dialogs, FxExecutors executors) {
        this(editor, previews, Optional.empty(), dialogs, executors);
    }

    private SessionPreviewModel(RoleMappingViewModel editor, SessionPreviews previews, Optional<SimulationLogins> simulations,
                                DialogService dialogs, FxExecutors executors) {
        this.editor = editor;
        this.previews = previews;
        this.simulations = simulations;
        this.dialogs = dialogs;
        this.work = new BackgroundWork(executors, dialogs, busy);
        // A preview or simulation of the role imported before says nothing about the new one.
        editor.importsProperty().addListener((obs, was, now) -> {
            preview.set("");
            simulationSteps.clear();
        });
    }

    public StringProperty userProperty() { return user; }
    public StringProperty rootClusterProperty() { return rootCluster; }
    public StringProperty requestedRolesProperty() { return requestedRoles; }
    public ReadOnlyStringProperty previewProperty() { return preview.getReadOnlyProperty(); }
    public ObservableList<String> simulationSteps() { return simulationSteps; }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public StringProperty adminCertificateProperty() { return adminCertificate; }
    /** False where only the preview is offered. */
    public boolean canSimulate() { return simulations.isPresent(); }

    public void chooseAdminCertificate() {
        dialogs.chooseOpenFile("Choose Teleport's admin certificate and key (PEM)", FileKind.PEM)
                .ifPresent(file -> adminCertificate.set(file.toString()));
    }

    public void preview() {
        inputs().ifPresent(in -> work.run("Preview the session failed", () -> previews.preview(in.role(), in.request()), preview::set));
    }

    /**
     * Confirms with the exact commands of the simulation's plan (the same plan the run follows), then
     * runs activate and deactivate/drop as Teleport would. An existing user is named in the dialog and
     * its button: confirming names it as the target.
     */
    public void simulate() {
        if (simulations.isEmpty()) {
            return;
        }
        Optional<Path> admin = adminCertificate.get().isBlank() ? Optional.empty() : Optional.of(Path.of(adminCertificate.get().trim()));
        inputs().ifPresent(in -> work.run("Preview the session failed",
                () -> as(admin, s -> s.plan(in.role(), in.request(), Optional.empty())), plan -> {
            String user = plan.mongoUser();
            boolean existing = plan.refusal().isPresent();
            String end = plan.mode() == CreateDbUserMode.KEEP ? "then deactivate it (roles removed, locked)" : "then drop it";
            Confirmation confirmation = new Confirmation("Simulate a Teleport session",
                    "SIMULATION: this really runs Teleport's session start on the server, " + end + ", as "
                            + plan.identity() + (existing ? ". " + user + " ALREADY EXISTS: its roles are replaced." : ".")
                            + " Every command is written to the audit log.",
                    List.of(user), String.join("\n", plan.lines()),
                    (existing ? "Simulate on existing user " : "Simulate session for ") + user, true);
            if (dialogs.confirm(confirmation)) {
                Optional<String> target = existing ? Optional.of(user) : Optional.empty();
                work.run("Simulate the session failed", () -> as(admin, s -> s.simulate(in.role(), in.request(), target,
                                admin.isPresent())), sim -> simulationSteps.setAll(lines(sim)));
            }
        }));
    }

    /** Runs {@code work} as the admin certificate's identity when one is given, else as the connected identity. */
    private <T> T as(Optional<Path> admin, java.util.function.Function<SessionSimulations, T> work) {
        return simulations.orElseThrow().run(admin, work);
    }

    private static List<String> lines(SessionSimulator.Simulation sim) {
        List<String> lines = new java.util.ArrayList<>(sim.steps().stream().map(SessionSimulator.Step::line).toList());
        lines.add(sim.verdict());
        return lines;
    }

    private record Inputs(TeleportRole role, SessionPreview.Request request) {
    }

    private Optional<Inputs> inputs() {
        try {
            Optional<String> root = rootCluster.get().isBlank() ? Optional.empty() : Optional.of(rootCluster.get().trim());
            SessionPreview.Request request = new SessionPreview.Request(user.get().trim(), root, editor.traits(),
                    RoleFields.parseCommaList(requestedRoles.get()));
            return Optional.of(new Inputs(editor.currentRole(), request));
        } catch (RuntimeException e) {
            dialogs.showError(ErrorText.sentence("Check the preview inputs", e), e);
            return Optional.empty();
        }
    }
}
