package dev.autouser.ui.support;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Whether the server behind the open connection answers: the one signal every page observes to say
 * that its data may be out of date. A cheap probe (MongoDB's {@code ping}) runs in the background on
 * a timer, whichever page is shown; a page whose own call failed asks for a check at once. Lives on
 * the FX thread; the probe runs on the background executor.
 */
public final class ServerHealth {
    /** How often the server is asked; a lost server is noticed within this plus the driver's timeout. */
    public static final Duration CHECK_EVERY = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(ServerHealth.class);

    private final FxExecutors executors;
    private final Clock clock;
    private final ReadOnlyBooleanWrapper answering = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper trouble = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Instant> lostAt = new ReadOnlyObjectWrapper<>();
    private Runnable probe;
    /** Bumped per connection, so a slow probe of the previous connection cannot speak for this one. */
    private long generation;
    private boolean checking;
    private Timeline timer;

    public ServerHealth(FxExecutors executors) {
        this(executors, Clock.systemDefaultZone());
    }

    public ServerHealth(FxExecutors executors, Clock clock) {
        this.executors = executors;
        this.clock = clock;
    }

    /** A new connection: its server is taken as answering until a probe says otherwise. */
    public void watch(Runnable newProbe) {
        generation++;
        probe = newProbe;
        checking = false;
        recovered();
    }

    /** No connection any more: nothing to watch, nothing to report. */
    public void forget() {
        generation++;
        probe = null;
        checking = false;
        recovered();
    }

    /** Asks the server now (skipped while a check runs or without a connection). */
    public void check() {
        if (probe == null || checking) {
            return;
        }
        checking = true;
        long mine = generation;
        Runnable asking = probe;
        CompletableFuture.runAsync(asking, executors.background()).whenCompleteAsync((ignored, failure) -> {
            if (mine != generation) {
                return;
            }
            checking = false;
            if (failure == null) {
                recovered();
            } else {
                Throwable cause = ErrorText.unwrap(failure);
                stoppedAnswering(ErrorText.sentence("The server does not answer", cause));
            }
        }, executors.fx());
    }

    /** Checks every {@link #CHECK_EVERY} from now on (needs the JavaFX toolkit). */
    public void start() {
        if (timer == null) {
            timer = new Timeline(new KeyFrame(javafx.util.Duration.millis(CHECK_EVERY.toMillis()), e -> check()));
            timer.setCycleCount(Timeline.INDEFINITE);
            timer.play();
        }
    }

    public void stop() {
        if (timer != null) {
            timer.stop();
            timer = null;
        }
    }

    private void stoppedAnswering(String sentence) {
        if (answering.get()) {
            LOG.warn("Server stopped answering: {}", sentence);
            lostAt.set(clock.instant());
        }
        trouble.set(sentence);
        answering.set(false);
    }

    private void recovered() {
        if (!answering.get()) {
            LOG.info("Server answers again");
        }
        lostAt.set(null);
        trouble.set("");
        answering.set(true);
    }

    /** False from a failed probe until one succeeds. */
    public ReadOnlyBooleanProperty answeringProperty() {
        return answering.getReadOnlyProperty();
    }

    /** Why the last probe failed, as a sentence; "" while the server answers. */
    public ReadOnlyStringProperty troubleProperty() {
        return trouble.getReadOnlyProperty();
    }

    /** When the first failed probe of this outage came back; null while the server answers. */
    public ReadOnlyObjectProperty<Instant> lostAtProperty() {
        return lostAt.getReadOnlyProperty();
    }
}
