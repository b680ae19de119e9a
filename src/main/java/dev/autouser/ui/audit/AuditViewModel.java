package dev.autouser.ui.audit;

import dev.autouser.core.audit.AuditEntry;
import dev.autouser.core.audit.AuditFilter;
import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.audit.AuditReading;
import dev.autouser.core.audit.ChainVerdict;
import dev.autouser.core.audit.Outcome;
import dev.autouser.core.audit.RunSummary;
import dev.autouser.core.export.AuditExport;
import dev.autouser.ui.support.BackgroundWork;
import dev.autouser.ui.support.DialogService;
import dev.autouser.ui.support.FxExecutors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The audit log as runs (newest first) that expand to their records, filtered by server, run, user,
 * outcome and time; the chain's verdict; the selected row's every field; and export of what the
 * filters show, with the verdict.
 */
public final class AuditViewModel {
    public enum ExportFormat {
        JSON_LINES("JSON lines", "jsonl"), CSV("CSV", "csv");

        private final String label;
        private final String extension;

        ExportFormat(String label, String extension) {
            this.label = label;
            this.extension = extension;
        }

        public String label() {
            return label;
        }

        public String extension() {
            return extension;
        }
    }

    private final AuditLog log;
    private final DialogService dialogs;
    private final BackgroundWork work;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<ChainVerdict.Status> verdictStatus = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper verdictText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ObservableList<RunSummary> runs = FXCollections.observableArrayList();
    private final ObservableList<String> servers = FXCollections.observableArrayList();
    private final StringProperty server = new SimpleStringProperty("");
    private final StringProperty run = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<AuditRow> selected = new SimpleObjectProperty<>();
    private final ObservableList<AuditText.Field> details = FXCollections.observableArrayList();
    /** The number of the first broken record (0: none), so the tree can point at it. */
    private final javafx.beans.property.ReadOnlyLongWrapper brokenSeq = new javafx.beans.property.ReadOnlyLongWrapper(0);
    private AuditReading reading = new AuditReading(List.of(), new ChainVerdict(ChainVerdict.Status.EMPTY, 0, 0,
            Optional.empty(), Optional.empty(), List.of()));
    private List<AuditEntry> shown = List.of();

    public AuditViewModel(AuditLog log, DialogService dialogs, FxExecutors executors) {
        this.log = log;
        this.dialogs = dialogs;
        this.work = new BackgroundWork(executors, dialogs, busy);
        ChangeListener<Object> refilter = (obs, was, now) -> applyFilter();
        List<javafx.beans.value.ObservableValue<?>> filters = List.of(server, run, user, outcome, from, to);
        filters.forEach(p -> p.addListener(refilter));
        selected.addListener((obs, was, row) -> details.setAll(row == null ? List.of() : AuditText.details(row)));
    }

    /** Reads the whole log and verifies its chain (off the FX thread). */
    public void refresh() {
        work.run("The audit log cannot be read", log::read, read -> {
            reading = read;
            ChainVerdict verdict = read.verdict();
            verdictStatus.set(verdict.status());
            verdictText.set(verdict.summary() + verdict.intactHead().map(h -> "  Head #" + h.seq() + " sha256:" + h.hash()).orElse(""));
            brokenSeq.set(verdict.problem().map(ChainVerdict.Problem::seq).orElse(0L));
            List<String> known = read.entries().stream().map(e -> e.record().server()).filter(s -> !s.isEmpty())
                    .distinct().sorted().toList();
            servers.setAll(known);
            applyFilter();
        });
    }

    /** The filters as the core's filter: dates are whole days in this computer's time zone. */
    public AuditFilter filter() {
        ZoneId zone = ZoneId.systemDefault();
        return new AuditFilter(server.get(), run.get(), user.get(), Optional.ofNullable(outcome.get()),
                Optional.ofNullable(from.get()).map(d -> d.atStartOfDay(zone).toInstant()),
                Optional.ofNullable(to.get()).map(d -> d.plusDays(1).atStartOfDay(zone).toInstant()));
    }

    public void clearFilters() {
        server.set("");
        run.set("");
        user.set("");
        outcome.set(null);
        from.set(null);
        to.set(null);
    }

    /** Shows only the run of the selected row. */
    public void showOnlySelectedRun() {
        AuditRow row = selected.get();
        if (row instanceof AuditRow.Run r && !r.run().id().isEmpty()) {
            run.set(r.run().id());
        } else if (row instanceof AuditRow.Record r && r.entry().record().run().exists()) {
            run.set(r.entry().record().run().id());
        }
    }

    private void applyFilter() {
        AuditFilter filter = filter();
        shown = filter.apply(reading.entries());
        List<RunSummary> grouped = new ArrayList<>(RunSummary.group(shown));
        Collections.reverse(grouped);
        runs.setAll(grouped);
        int total = reading.entries().size();
        summary.set(filter.isEmpty()
                ? total + (total == 1 ? " record" : " records") + " in " + grouped.size() + (grouped.size() == 1 ? " run" : " runs")
                + " · " + log.file()
                : shown.size() + " of " + total + " records match (" + grouped.size() + " runs)");
    }

    /** Asks where, then writes the rows the filters show, with the chain's verdict. */
    public void export(ExportFormat format) {
        Optional<Path> target = dialogs.chooseSaveFile("Export the audit records (" + format.label() + ")",
                "audit-export." + format.extension());
        if (target.isEmpty()) {
            return;
        }
        String text = format == ExportFormat.CSV ? AuditExport.csv(shown, reading.verdict())
                : AuditExport.jsonLines(shown, reading.verdict(), filter(), Instant.now());
        int count = shown.size();
        work.run("The export cannot be written", () -> write(target.get(), text),
                path -> dialogs.notify("Exported " + count + (count == 1 ? " record" : " records") + " to " + path));
    }

    private static Path write(Path path, String text) {
        try {
            return Files.writeString(path, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + path, e);
        }
    }

    public ObservableList<RunSummary> runs() {
        return runs;
    }

    public ObservableList<String> servers() {
        return servers;
    }

    public ObservableList<AuditText.Field> details() {
        return details;
    }

    public ObjectProperty<AuditRow> selectedProperty() {
        return selected;
    }

    public StringProperty serverProperty() {
        return server;
    }

    public StringProperty runProperty() {
        return run;
    }

    public StringProperty userProperty() {
        return user;
    }

    public ObjectProperty<Outcome> outcomeProperty() {
        return outcome;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ChainVerdict.Status> verdictStatusProperty() {
        return verdictStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty verdictTextProperty() {
        return verdictText.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyLongProperty brokenSeqProperty() {
        return brokenSeq.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
