package dev.autouser.ui.adminsetup;

import dev.autouser.ui.support.BackgroundWork;
import dev.autouser.ui.support.DialogService;
import dev.autouser.ui.support.FxExecutors;
import dev.autouser.ui.support.TextFiles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;

/**
 * What every engine's admin-setup page holds and does: the findings of the last check (of type
 * {@code F}, the engine's own), the applied steps, the script that fixes the server, the status
 * line, the Teleport db resource YAML with copy and save, and the server-health rule (findings read
 * before the server stopped answering are marked stale and read again when it is back). The engine
 * supplies the check, the apply and the YAML.
 */
public abstract class AdminSetupPageModel<F> {
    protected final DialogService dialogs;
    protected final FxExecutors executors;
    protected final BackgroundWork work;

    private final BooleanProperty staticYaml = new SimpleBooleanProperty(false);
    private final StringProperty teleportDbName;
    private final String scriptKind;
    private final String yamlFileName;
    private final ObservableList<F> findings = FXCollections.observableArrayList();
    private final ObservableList<String> steps = FXCollections.observableArrayList();
    protected final ReadOnlyStringWrapper script = new ReadOnlyStringWrapper("");
    protected final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Not checked yet: press Verify.");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    /** The last check found nothing Apply could change: Apply is then not offered as the next step. */
    private final ReadOnlyBooleanWrapper nothingToApply = new ReadOnlyBooleanWrapper(false);
    /** Why the server stopped answering ("" while it answers): the window's one health signal. */
    private final StringProperty serverTrouble = new SimpleStringProperty("");
    /** The findings shown were read before the server stopped answering. */
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(false);
    private ObservableStringValue teleportYaml = new ReadOnlyStringWrapper("");
    /** True once findings are shown: they then follow the form. */
    private boolean checked;

    /**
     * {@code scriptKind}: the script's language, for the tab, the copy notice and the status ("mongosh
     * script", "SQL"); {@code yamlFileName}: the file name the save dialog suggests for the YAML.
     */
    protected AdminSetupPageModel(String defaultTeleportDbName, String scriptKind, String yamlFileName, DialogService dialogs,
                                  FxExecutors executors) {
        this.teleportDbName = new SimpleStringProperty(defaultTeleportDbName);
        this.scriptKind = scriptKind;
        this.yamlFileName = yamlFileName;
        this.dialogs = dialogs;
        this.executors = executors;
        this.work = new BackgroundWork(executors, dialogs, busy);
        serverTrouble.addListener((obs, was, now) -> {
            if (!now.isEmpty() && checked) {
                stale.set(true);
                status.set("Checked before the server stopped answering: these findings may be out of date.");
            } else if (now.isEmpty() && !was.isEmpty()) {
                verifyAgainIfChecked(); // back: the findings are read again
            }
        });
    }

    /** Call once from the subclass's constructor: the YAML follows these fields (and the name and form). */
    protected final void yamlFollows(ObservableValue<?>... fields) {
        ObservableValue<?>[] all = java.util.Arrays.copyOf(fields, fields.length + 2);
        all[fields.length] = staticYaml;
        all[fields.length + 1] = teleportDbName;
        teleportYaml = Bindings.createStringBinding(this::yaml, all);
    }

    public BooleanProperty staticYamlProperty() { return staticYaml; }
    public StringProperty teleportDbNameProperty() { return teleportDbName; }
    public ObservableList<F> findings() { return findings; }
    public ObservableList<String> steps() { return steps; }
    public ReadOnlyStringProperty scriptProperty() { return script.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** True when the findings shown leave Apply nothing to run (Verify reads the server again). */
    public ReadOnlyBooleanProperty nothingToApplyProperty() { return nothingToApply.getReadOnlyProperty(); }
    public ObservableStringValue teleportYamlProperty() { return teleportYaml; }
    /** Bound to the window's server health: "" while the server answers, else why it does not. */
    public StringProperty serverTroubleProperty() { return serverTrouble; }
    /** True while the findings shown were read before the server stopped answering. */
    public ReadOnlyBooleanProperty staleProperty() { return stale.getReadOnlyProperty(); }

    /** Reads the server and shows how it differs from what Teleport needs. */
    public abstract void verify();

    /** Verifies, shows the exact commands for confirmation, then applies them. */
    public abstract void apply();

    /** True when the finding is a problem (a note otherwise), for the list's icon and colour. */
    public abstract boolean isProblem(F finding);

    /** The finding as the list shows it (wrapped; a consequence may follow on its own line). */
    public abstract String describe(F finding);

    /** The script's language: "mongosh script", "SQL". */
    public final String scriptKind() {
        return scriptKind;
    }

    /** Teleport's db resource for the form as it stands, or a YAML comment saying why there is none. */
    protected abstract String yaml();

    /**
     * The page was opened: check at once when the server answers, so the person sees where the setup
     * stands without pressing Verify. While the server is away the page waits for it (and for a click).
     */
    public void open() {
        if (serverTrouble.get().isEmpty()) {
            verify();
        }
    }

    /** Checks again after the form changed, when findings are shown (they judge the form as it was). */
    protected void verifyAgainIfChecked() {
        if (checked) {
            verify();
        }
    }

    /** True once findings are shown. */
    protected final boolean isChecked() {
        return checked;
    }

    /**
     * Shows a finished check; the subclass says its status sentence and how many changes Apply would run
     * ({@code planned}: 0 leaves Apply nothing to do).
     */
    protected final void showFindings(java.util.List<F> found, String script, String statusLine, int planned) {
        checked = true;
        nothingToApply.set(planned == 0);
        stale.set(false);
        findings.setAll(found);
        this.script.set(script);
        status.set(statusLine);
    }

    public void copyScript() {
        dialogs.copyToClipboard(script.get());
        dialogs.notify("Copied the " + scriptKind() + ".");
    }

    public void copyYaml() {
        dialogs.copyToClipboard(teleportYaml.get());
        dialogs.notify("Copied the Teleport configuration.");
    }

    public void saveYaml() {
        dialogs.chooseSaveFile("Save the Teleport configuration", staticYaml.get() ? "teleport-db-service.yaml" : yamlFileName)
                .ifPresent(this::writeYaml);
    }

    private void writeYaml(Path file) {
        String text = teleportYaml.get();
        work.run("Could not save " + file, () -> TextFiles.write(file, text),
                saved -> dialogs.notify("Saved " + saved.getFileName() + "."));
    }

    /** "1 change" / "3 changes", for the apply button. */
    protected static String changes(int count) {
        return count + (count == 1 ? " change" : " changes");
    }
}
