package dev.autouser.ui.audit;

import dev.autouser.ui.support.BackgroundWork;
import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.audit.AuditRecord;
import dev.autouser.ui.support.DialogService;
import dev.autouser.ui.support.FxExecutors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.List;
import java.util.Locale;

/** The audit log, newest first, filtered by one text box across every field. */
public final class AuditViewModel {
    /** How many records the view reads; the file itself keeps everything. */
    public static final int LIMIT = 5_000;

    private final AuditLog log;
    private final BackgroundWork work;
    private final ObservableList<AuditRecord> records = FXCollections.observableArrayList();
    private final FilteredList<AuditRecord> visible = new FilteredList<>(records);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    public AuditViewModel(AuditLog log, DialogService dialogs, FxExecutors executors) {
        this.log = log;
        this.work = new BackgroundWork(executors, dialogs, busy);
        filter.addListener((obs, was, text) -> applyFilter());
    }

    public void refresh() {
        work.run("The audit log cannot be read", () -> log.readNewestFirst(LIMIT), read -> {
            records.setAll(read);
            applyFilter();
        });
    }

    private void applyFilter() {
        String text = filter.get() == null ? "" : filter.get().trim().toLowerCase(Locale.ROOT);
        visible.setPredicate(text.isEmpty() ? null : record -> matches(record, text));
        summary.set(visible.size() == records.size()
                ? records.size() + (records.size() == 1 ? " record in " : " records in ") + log.file()
                : visible.size() + " of " + records.size() + " records match");
    }

    static boolean matches(AuditRecord record, String lowerCaseText) {
        return List.of(record.time().toString(), record.osUser(), record.server(), record.identity(),
                        record.command(), record.targetUser(), record.result()).stream()
                .anyMatch(field -> field.toLowerCase(Locale.ROOT).contains(lowerCaseText));
    }

    public ObservableList<AuditRecord> visibleRecords() {
        return visible;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
