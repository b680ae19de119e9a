package dev.autouser.ui.users;

import dev.autouser.core.ConsoleException;
import dev.autouser.core.export.HistoryExport;
import dev.autouser.core.export.UserExport;
import dev.autouser.core.history.HistoryStore;
import dev.autouser.ui.support.BackgroundWork;
import dev.autouser.ui.support.DialogService;
import dev.autouser.ui.support.FxExecutors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The Users page's "Export → Usage history": this server's raw history (every change of state, as the
 * CLI's {@code history export --server}) to a file the person chooses, in the background over a
 * connection of its own (the page's refreshes go on), with progress for a long export.
 */
public final class HistoryExportViewModel {
    private final Path historyFile;
    private final String server;
    private final DialogService dialogs;
    private final FxExecutors executors;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final BackgroundWork work;

    /** @param server the history's name of the page's server ({@code ServerName.fromUri}) */
    public HistoryExportViewModel(Path historyFile, String server, DialogService dialogs, FxExecutors executors) {
        this.historyFile = historyFile;
        this.server = server;
        this.dialogs = dialogs;
        this.executors = executors;
        this.work = new BackgroundWork(executors, dialogs, busy);
    }

    /** Asks where, then exports. */
    public void export(UserExport.Format format) {
        dialogs.chooseSaveFile("Export the usage history of " + server, "usage-history." + format.extension())
                .ifPresent(file -> exportTo(file, format));
    }

    public void exportTo(Path file, UserExport.Format format) {
        progress.set(-1); // indeterminate until the count is known
        status.set("Exporting the usage history…");
        work.run("Exporting the usage history failed", () -> write(file, format), written -> {
            status.set("");
            dialogs.notify("Exported " + written + (written == 1 ? " change" : " changes")
                    + " of the usage history to " + file.getFileName() + ".");
        }, failure -> {
            status.set("");
            dialogs.showError(failure instanceof ConsoleException ? failure.getMessage()
                    : "The usage history could not be exported: " + failure.getMessage(), failure);
        });
    }

    private long write(Path file, UserExport.Format format) {
        try (HistoryStore store = HistoryStore.open(historyFile)) {
            long total = store.countChanges(Optional.of(server), Optional.empty());
            try (Writer out = Files.newBufferedWriter(file)) {
                return HistoryExport.write(store, Optional.of(server), Optional.empty(), format, out,
                        done -> executors.fx().execute(() -> showProgress(done, total)));
            } catch (IOException e) {
                throw new ConsoleException(HistoryExport.cannotWrite(file, e), e);
            }
        } catch (SQLException e) {
            throw new ConsoleException("The usage history " + historyFile + " cannot be opened: " + e.getMessage(), e);
        }
    }

    private void showProgress(long done, long total) {
        progress.set(total == 0 ? 1 : Math.min(1, (double) done / total));
        status.set(String.format(java.util.Locale.ROOT, "Exporting the usage history: %,d of %,d changes", done, total));
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** 0..1, or -1 while the count is not known yet. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the export is doing ("Exporting the usage history: 120,000 of 458,063 changes"); empty when idle. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
