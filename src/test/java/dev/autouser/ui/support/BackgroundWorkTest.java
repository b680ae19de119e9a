package dev.autouser.ui.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.autouser.core.ConsoleException;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class BackgroundWorkTest {
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final BackgroundWork work = new BackgroundWork(FxExecutors.direct(), dialogs, busy);
    private final Logger logger = (Logger) LoggerFactory.getLogger(BackgroundWork.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(log);
    }

    @Test
    void anExceptionInTheContinuationReachesTheDialogAndTheLogOnce() {
        work.run("Showing the users failed", () -> 3, count -> {
            throw new IllegalStateException("the table was disposed");
        });

        assertEquals(List.of("Showing the users failed: the table was disposed."), dialogs.errors);
        assertEquals(1, log.list.size(), log.list::toString);
        assertEquals(Level.ERROR, log.list.get(0).getLevel());
        assertEquals(IllegalStateException.class.getName(), log.list.get(0).getThrowableProxy().getClassName());
        assertFalse(busy.get());
    }

    @Test
    void aFailedWorkIsShownOnceAndLoggedOnceWithItsCause() {
        work.run("Listing the users failed", () -> {
            throw new ConsoleException("Not allowed to list auto-users: CN=x lacks viewUser on $external.", 13, null);
        }, result -> { });

        assertEquals(List.of("Not allowed to list auto-users: CN=x lacks viewUser on $external."), dialogs.errors);
        assertEquals(1, log.list.size());
        assertEquals(Level.WARN, log.list.get(0).getLevel());
        assertEquals(ConsoleException.class.getName(), log.list.get(0).getThrowableProxy().getClassName());
    }

    @Test
    void aViewModelMayShowTheFailureItself() {
        List<Throwable> shown = new ArrayList<>();

        work.run("Testing the connection failed", () -> {
            throw new ConsoleException("Cannot reach db:27017.");
        }, result -> { }, shown::add);

        assertEquals(List.of(), dialogs.errors);
        assertEquals(1, shown.size());
        assertEquals(ConsoleException.class, shown.get(0).getClass());
        assertEquals(1, log.list.size());
    }

    @Test
    void anExceptionInTheFailureHandlerStillReachesTheDialog() {
        work.run("Testing the connection failed", () -> {
            throw new ConsoleException("Cannot reach db:27017.");
        }, result -> { }, failure -> {
            throw new IllegalStateException("status line gone");
        });

        assertEquals(List.of("Testing the connection failed: status line gone."), dialogs.errors);
        assertEquals(2, log.list.size());
    }
}
