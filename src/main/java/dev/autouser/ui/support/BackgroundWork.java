package dev.autouser.ui.support;

import dev.autouser.core.logging.FailureLog;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one way a view-model runs slow work (a server, a file): off the FX thread, with {@code busy}
 * true while it runs and the result handed to the FX thread. Copy the inputs before calling (on
 * the FX thread); the work must not read view-model state. Every failure is logged once with its
 * cause and reaches the person once, including one thrown by the continuation on the FX thread.
 */
public final class BackgroundWork {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWork.class);

    private final FxExecutors executors;
    private final DialogService dialogs;
    private final ReadOnlyBooleanWrapper busy;

    public BackgroundWork(FxExecutors executors, DialogService dialogs, ReadOnlyBooleanWrapper busy) {
        this.executors = executors;
        this.dialogs = dialogs;
        this.busy = busy;
    }

    /** For work nobody waits on visibly (reading a certificate's subject). */
    public BackgroundWork(FxExecutors executors, DialogService dialogs) {
        this(executors, dialogs, new ReadOnlyBooleanWrapper());
    }

    /** {@code whatFailed} opens the error sentence, e.g. "Planning the cleanup failed"; failures open a dialog. */
    public <T> void run(String whatFailed, Supplier<T> work, Consumer<T> onDone) {
        run(whatFailed, work, onDone, failure -> dialogs.showError(ErrorText.sentence(whatFailed, failure), failure));
    }

    /**
     * Like the other, but the view-model shows a failure of the work itself ({@code onFailed}, on
     * the FX thread, already unwrapped and logged), e.g. in a status line instead of a dialog.
     */
    public <T> void run(String whatFailed, Supplier<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed) {
        busy.set(true);
        CompletableFuture.supplyAsync(work, executors.background()).whenCompleteAsync((result, failure) -> {
            busy.set(false);
            try {
                if (failure != null) {
                    Throwable cause = ErrorText.unwrap(failure);
                    FailureLog.warn(LOG, whatFailed, cause);
                    onFailed.accept(cause);
                } else {
                    onDone.accept(result);
                }
            } catch (RuntimeException bug) {
                // A failure in the continuation would otherwise vanish inside the future.
                LOG.error("{}: showing the result failed", whatFailed, bug);
                dialogs.showError(ErrorText.sentence(whatFailed, bug), bug);
            }
        }, executors.fx());
    }
}
