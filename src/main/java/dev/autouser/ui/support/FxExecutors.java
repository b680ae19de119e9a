package dev.autouser.ui.support;

import javafx.application.Platform;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Executor;

/**
 * The two executors every view-model receives: one for slow work (MongoDB, files) and one that
 * hands results back to the FX thread. Tests pass {@code Runnable::run} for both.
 */
public record FxExecutors(Executor background, Executor fx) {
    /** Synchronous executors for view-model tests that run without a toolkit. */
    public static FxExecutors direct() {
        return new FxExecutors(Runnable::run, Runnable::run);
    }

    /** A small daemon pool for the running application; the FX side is {@code Platform.runLater}. */
    public static FxExecutors forApplication() {
        return new FxExecutors(newBackgroundPool(), Platform::runLater);
    }

    private static ExecutorService newBackgroundPool() {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "console-worker-" + counter.incrementAndGet());
            // Daemon threads so closing the window never waits for a slow server.
            thread.setDaemon(true);
            return thread;
        };
        return Executors.newFixedThreadPool(3, factory);
    }
}
