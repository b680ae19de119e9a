package dev.autouser.sandbox.demo;

import org.slf4j.Logger;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * When a demo's sessions change, for both engines' demos: on one daemon thread, first the initial
 * sessions (others can wait for them), then one step every tick (at least 100 ms). A failed step is
 * logged and the next one runs.
 */
public final class DemoSchedule implements AutoCloseable {
    private final ScheduledExecutorService scheduler;
    private final CountDownLatch initialSessions = new CountDownLatch(1);

    private DemoSchedule(String threadName) {
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Runs {@code openInitial}, then {@code step} every {@code tick}; a step's failure is logged on
     * {@code log} as "{@code failedStep}: message".
     */
    public static DemoSchedule start(String threadName, Runnable openInitial, Runnable step, Duration tick,
                                     Logger log, String failedStep) {
        DemoSchedule schedule = new DemoSchedule(threadName);
        schedule.scheduler.execute(() -> {
            try {
                openInitial.run();
            } finally {
                schedule.initialSessions.countDown();
            }
        });
        long millis = Math.max(100, tick.toMillis());
        schedule.scheduler.scheduleWithFixedDelay(() -> {
            try {
                step.run();
            } catch (RuntimeException e) {
                log.warn("{}: {}", failedStep, e.getMessage());
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
        return schedule;
    }

    /** Waits until the initial sessions are open; false on timeout. */
    public boolean awaitInitialSessions(Duration timeout) throws InterruptedException {
        return initialSessions.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the steps and waits (up to 5 s) for a running one to end. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
