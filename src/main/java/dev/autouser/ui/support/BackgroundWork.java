package dev.autouser.ui.support;

import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A view-model's slow call, run off the FX thread: {@code busy} is true while it runs, the result
 * reaches {@code onDone} on the FX thread, and a failure reaches the person once, as one sentence.
 */
public final class BackgroundWork {
    private final FxExecutors executors;
    private final DialogService dialogs;
    private final ReadOnlyBooleanWrapper busy;

    public BackgroundWork(FxExecutors executors, DialogService dialogs, ReadOnlyBooleanWrapper busy) {
        this.executors = executors;
        this.dialogs = dialogs;
        this.busy = busy;
    }

    /** {@code whatFailed} opens the error sentence, e.g. "Planning the cleanup failed". */
    public <T> void run(String whatFailed, Supplier<T> work, Consumer<T> onDone) {
        busy.set(true);
        CompletableFuture.supplyAsync(work, executors.background()).whenCompleteAsync((result, failure) -> {
            busy.set(false);
            if (failure != null) {
                dialogs.showError(ErrorText.sentence(whatFailed, failure), ErrorText.unwrap(failure));
            } else {
                onDone.accept(result);
            }
        }, executors.fx());
    }
}
