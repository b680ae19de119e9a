package dev.autouser.ui.rolemapping;

import dev.autouser.core.teleport.CreateDbUserMode;
import dev.autouser.core.teleport.RoleCatalog;
import dev.autouser.core.teleport.RoleMappingValidator;
import dev.autouser.core.teleport.RoleProblem;
import dev.autouser.core.teleport.TeleportConfigException;
import dev.autouser.core.teleport.TeleportRole;
import dev.autouser.core.teleport.TraitTemplate;
import dev.autouser.ui.support.BackgroundWork;
import dev.autouser.ui.support.FileKind;
import dev.autouser.ui.support.Confirmation;
import dev.autouser.ui.support.DialogService;
import dev.autouser.ui.support.TextFiles;
import dev.autouser.ui.support.ErrorText;
import dev.autouser.ui.support.FxExecutors;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The role-mapping editor: a Teleport role's database fields as editable properties on top of the
 * imported YAML (which keeps every other field), validated live against the server after each
 * change. Preview and simulation live in {@link SessionPreviewModel}.
 */
public final class RoleMappingViewModel {
    private final RoleChecks checks;
    private final RoleEntryHints hints;
    private final DialogService dialogs;
    private final FxExecutors executors;
    private final BackgroundWork work;
    private final BackgroundWork files;
    private final AtomicLong generation = new AtomicLong();

    private TeleportRole base;
    private final StringProperty name = new SimpleStringProperty();
    private final ObjectProperty<CreateDbUserMode> mode = new SimpleObjectProperty<>();
    private final StringProperty labels = new SimpleStringProperty();
    private final StringProperty dbNames = new SimpleStringProperty();
    private final ObservableList<String> allowRoles = FXCollections.observableArrayList();
    private final ObservableList<String> denyRoles = FXCollections.observableArrayList();
    private final StringProperty sampleTraits = new SimpleStringProperty("");
    private final ObservableList<RoleProblem> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper yaml = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    /** Why the server stopped answering ("" while it answers): the window's one health signal. */
    private final StringProperty serverTrouble = new SimpleStringProperty("");
    /** The checks shown were made before the server stopped answering. */
    private final javafx.beans.property.ReadOnlyBooleanWrapper stale = new javafx.beans.property.ReadOnlyBooleanWrapper(false);
    /** Counts imports: a preview or simulation of the previous role no longer applies after one. */
    private final javafx.beans.property.ReadOnlyIntegerWrapper imports = new javafx.beans.property.ReadOnlyIntegerWrapper();

    /** MongoDB's editor: entries are role@db, looked up through {@code catalog}. */
    public RoleMappingViewModel(RoleCatalog catalog, DialogService dialogs, FxExecutors executors) {
        this(RoleChecks.mongo(catalog), RoleEntryHints.MONGODB, dialogs, executors);
    }

    /** An editor whose entries {@code checks} checks against the connected server, written as {@code hints} says. */
    public RoleMappingViewModel(RoleChecks checks, RoleEntryHints hints, DialogService dialogs, FxExecutors executors) {
        this.checks = checks;
        this.hints = hints;
        this.base = TeleportRole.create("auto-db-users").withAllowDbRoles(hints.newRoleEntries());
        this.dialogs = dialogs;
        this.executors = executors;
        this.work = new BackgroundWork(executors, dialogs);
        this.files = new BackgroundWork(executors, dialogs);
        load(base);
        for (Observable field : List.of(name, mode, labels, dbNames, allowRoles, denyRoles, sampleTraits)) {
            field.addListener(o -> revalidate());
        }
        checks.admin().ifPresent(admin -> admin.addListener(o -> revalidate()));
        serverTrouble.addListener((obs, was, now) -> {
            if (!now.isEmpty()) {
                stale.set(true);
                summary.set(STALE_SUMMARY);
            } else if (!was.isEmpty()) {
                checks.forget(); // back: its roles may have changed meanwhile, so ask again
                revalidate();
            }
        });
        revalidate();
    }

    private static final String STALE_SUMMARY =
            "Checked before the server stopped answering: the role checks may be out of date.";

    public RoleEntryHints hints() { return hints; }
    /** Teleport's admin the entries are checked for, when the engine's check depends on it (PostgreSQL 16+). */
    public java.util.Optional<StringProperty> adminProperty() { return checks.admin(); }
    public StringProperty nameProperty() { return name; }
    public ObjectProperty<CreateDbUserMode> modeProperty() { return mode; }
    public StringProperty labelsProperty() { return labels; }
    public StringProperty dbNamesProperty() { return dbNames; }
    public ObservableList<String> allowRoles() { return allowRoles; }
    public ObservableList<String> denyRoles() { return denyRoles; }
    public StringProperty sampleTraitsProperty() { return sampleTraits; }
    public ObservableList<RoleProblem> problems() { return problems; }
    public ReadOnlyStringProperty yamlProperty() { return yaml.getReadOnlyProperty(); }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    /** Bound to the window's server health: "" while the server answers, else why it does not. */
    public StringProperty serverTroubleProperty() { return serverTrouble; }
    /** True while the checks shown were made before the server stopped answering. */
    public javafx.beans.property.ReadOnlyBooleanProperty staleProperty() { return stale.getReadOnlyProperty(); }

    /** Problems about one entry, for showing them on that entry's row. */
    public List<RoleProblem> problemsFor(String entry) {
        return problems.stream().filter(p -> p.entry().equals(entry) || p.entry().endsWith("(from " + entry + ")")).toList();
    }

    private static final java.util.regex.Pattern DID_YOU_MEAN = java.util.regex.Pattern.compile("did you mean `([^`]+)`");

    /**
     * The entry as the server's "did you mean" suggests it ({@code readwrite@db1} → {@code readWrite@db1}),
     * for entries that name a role themselves (a template's suggestion is about the traits, not the entry).
     */
    public java.util.Optional<String> suggestionFor(String entry) {
        int at = entry.indexOf('@');
        if (at <= 0 || entry.contains("{{")) {
            return java.util.Optional.empty();
        }
        return problems.stream().filter(p -> p.entry().equals(entry)).map(p -> DID_YOU_MEAN.matcher(p.message()))
                .filter(java.util.regex.Matcher::find).findFirst().map(m -> m.group(1) + entry.substring(at));
    }

    /** Replaces the entry by its suggestion where it stands (allow or deny list). */
    public void applySuggestion(String entry) {
        suggestionFor(entry).ifPresent(fixed -> {
            for (ObservableList<String> list : List.of(allowRoles, denyRoles)) {
                int index = list.indexOf(entry);
                if (index >= 0) {
                    if (list.contains(fixed)) {
                        list.remove(index);
                    } else {
                        list.set(index, fixed);
                    }
                }
            }
        });
    }

    public void addAllowRole(String entry) {
        if (!entry.isBlank() && !allowRoles.contains(entry.strip())) {
            allowRoles.add(entry.strip());
        }
    }

    public void addDenyRole(String entry) {
        if (!entry.isBlank() && !denyRoles.contains(entry.strip())) {
            denyRoles.add(entry.strip());
        }
    }

    /** The role as edited: the imported tree with only the changed fields replaced. */
    public TeleportRole currentRole() {
        TeleportRole role = base;
        if (!Objects.equals(name.get(), base.name())) {
            role = role.withName(name.get());
        }
        if (mode.get() != null && !mode.get().yamlValue().equals(base.modeAsWritten())) {
            role = role.withMode(mode.get());
        }
        Map<String, List<String>> parsedLabels = RoleFields.parseLabelLines(labels.get());
        if (!parsedLabels.equals(base.dbLabels())) {
            role = role.withDbLabels(parsedLabels);
        }
        List<String> names = RoleFields.parseCommaList(dbNames.get());
        if (!names.equals(base.dbNames())) {
            role = role.withDbNames(names);
        }
        if (!allowRoles.equals(base.allowDbRoles())) {
            role = role.withAllowDbRoles(List.copyOf(allowRoles));
        }
        return denyRoles.equals(base.denyDbRoles()) ? role : role.withDenyDbRoles(List.copyOf(denyRoles));
    }

    public Map<String, List<String>> traits() {
        return RoleFields.parseTraits(sampleTraits.get());
    }

    public void importFile() {
        dialogs.chooseOpenFile("Import a Teleport role (tctl get role/NAME)", FileKind.YAML).ifPresent(this::importFrom);
    }

    void importFrom(Path file) {
        String label = file.getFileName().toString();
        files.run("Could not read " + file, () -> TeleportRole.read(file), role -> {
            load(role);
            imports.set(imports.get() + 1);
            dialogs.notify("Imported " + label + ".");
        });
    }

    public void exportFile() {
        try {
            String text = currentRole().toYaml();
            if (!confirmExportDespiteErrors()) {
                return;
            }
            dialogs.chooseSaveFile("Export the role for tctl create -f", name.get() + ".yaml").ifPresent(file -> write(file, text));
        } catch (IllegalArgumentException e) {
            dialogs.showError(e.getMessage(), e);
        }
    }

    /** A role with errors is one Teleport would refuse or misbehave with: ask before writing it out. */
    private boolean confirmExportDespiteErrors() {
        List<RoleProblem> errors = problems.stream().filter(p -> p.severity() == RoleProblem.Severity.ERROR).toList();
        if (errors.isEmpty()) {
            return true;
        }
        String count = errors.size() + (errors.size() == 1 ? " error" : " errors");
        return dialogs.confirm(new Confirmation("Export a role with errors",
                "This role has " + count + ": Teleport would refuse or misbehave with it. Export it anyway?",
                errors.stream().map(RoleProblemText::sentence).toList(), "tctl create -f " + name.get() + ".yaml",
                "Export with " + count, false));
    }

    public javafx.beans.property.ReadOnlyIntegerProperty importsProperty() {
        return imports.getReadOnlyProperty();
    }

    /** What the editor holds, to carry over to the next connection's editor (empty when a field does not parse). */
    public java.util.Optional<RoleDraft> draft() {
        try {
            return java.util.Optional.of(new RoleDraft(currentRole(), sampleTraits.get(), hints.engine()));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Continues editing a draft from the previous connection: a reconnect must not lose the edits. A
     * draft for the other engine is left alone (MongoDB's role@db entries are no PostgreSQL roles).
     */
    public void resume(RoleDraft draft) {
        if (draft.engine() != hints.engine()) {
            return;
        }
        load(draft.role());
        sampleTraits.set(draft.sampleTraits());
    }

    public void copyYaml() {
        dialogs.copyToClipboard(yaml.get());
        dialogs.notify("Copied the role YAML.");
    }

    private void write(Path file, String text) {
        files.run("Could not save " + file, () -> TextFiles.write(file, text), saved -> dialogs.notify(
                "Saved " + saved.getFileName() + "; load it with tctl create -f " + saved.getFileName() + "."));
    }

    private void load(TeleportRole role) {
        base = role;
        name.set(role.name());
        try {
            mode.set(role.mode());
        } catch (TeleportConfigException e) {
            mode.set(null);
        }
        labels.set(RoleFields.labelLines(role.dbLabels()));
        dbNames.set(RoleFields.commaList(role.dbNames()));
        allowRoles.setAll(role.allowDbRoles());
        denyRoles.setAll(role.denyDbRoles());
    }

    /** Validates the edited role in the background; only the newest result is shown. */
    private void revalidate() {
        long mine = generation.incrementAndGet();
        TeleportRole role;
        Map<String, List<String>> traits;
        try {
            role = currentRole();
            traits = traits();
            yaml.set(role.toYaml());
        } catch (IllegalArgumentException e) {
            problems.setAll(RoleProblem.error("editor", "", e.getMessage()));
            summary.set("Fix the highlighted field.");
            return;
        }
        java.util.function.Supplier<List<RoleProblem>> check = checks.prepare(role, traits);
        work.run("Validating the role failed", check, found -> {
            if (mine == generation.get()) { // else a newer edit is being validated
                problems.setAll(found);
                stale.set(false);
                summary.set(summaryOf(found, RoleMappingValidator.templatesWithoutSampleTraits(role, traits)));
            }
        }, failure -> {
            if (mine != generation.get()) {
                return;
            }
            if (failure instanceof dev.autouser.core.ConnectionLostException) {
                // No dialog per keystroke while the server is away: the page says so, and checks again on its return.
                stale.set(true);
                summary.set("The roles could not be checked: " + ErrorText.sentence("Validating the role failed", failure));
            } else {
                dialogs.showError(ErrorText.sentence("Validating the role failed", failure), failure);
            }
        });
    }

    private static String summaryOf(List<RoleProblem> found, long unfilledTemplates) {
        long errors = found.stream().filter(p -> p.severity() == RoleProblem.Severity.ERROR).count();
        if (errors > 0) {
            return errors + (errors == 1 ? " error" : " errors") + ": Teleport would refuse or misbehave.";
        }
        if (unfilledTemplates > 0) { // its roles come from each user's traits: nothing about them was checked
            return "Not fully checked: " + unfilledTemplates + (unfilledTemplates == 1 ? " template needs sample traits to check the roles it produces"
                    : " templates need sample traits to check the roles they produce") + "; no errors in the rest.";
        }
        return RoleMappingValidator.hasUncheckedRoles(found) ? "No errors, but some roles could not be checked against the server."
                : "Valid: every entry names a role that exists.";
    }

}
