package dev.autouser.core.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;

/**
 * The console's logging, set up in code (issue 13): logback finds this class through
 * {@code META-INF/services} before it looks for an XML file, and building the same appenders
 * directly skips the XML parser and Joran's reflection, a noticeable part of every CLI run's
 * start-up on a loaded machine.
 *
 * <p>Knobs: a context property, else a system property ({@code -Dname=value}), else the
 * environment variable after it:
 * <pre>
 *   autouser.log.level     AUTOUSER_LOG_LEVEL      our own classes: INFO (default), DEBUG, TRACE, WARN
 *   autouser.log.libraries AUTOUSER_LOG_LIBRARIES  driver, sandbox, Netty: WARN (default), INFO, DEBUG
 *   autouser.log.stderr    AUTOUSER_LOG_STDERR     least level also copied to stderr: WARN (default), OFF
 *   autouser.log.dir       (property only)         log folder; default: &lt;data dir&gt;/logs
 * </pre>
 * An XML configuration still wins when one is asked for ({@code -Dlogback.configurationFile}) or
 * present on the class path as {@code logback-test.xml} (the tests'): then logback's own lookup runs.
 */
public final class LogConfiguration extends ContextAwareBase implements Configurator {
    static final String FILE_PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg%n";
    static final String STDERR_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n";
    /** Chatty at INFO (the driver and the sandbox); they stay at WARN unless asked for. */
    static final String[] LIBRARIES = {"org.mongodb.driver", "de.bwaldvogel", "io.netty"};
    /**
     * The sandbox library logs every refused command (code 13, 18, ...) with a stack trace under the
     * first name (the client gets the error in its reply); the second logs clients that vanish (Ctrl+C
     * in mongosh resets the connection), which is no server error.
     */
    static final String[] SILENCED = {"de.bwaldvogel.mongo.wire.MongoWireProtocolHandler",
            "de.bwaldvogel.mongo.wire.MongoExceptionHandler"};

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogConfiguration.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Configures {@code context} as the shipped console does; its properties (if any) come first as knobs. */
    static void apply(LoggerContext context) {
        // Before anything can fail: errors as one line on stderr, and logback prints no status on stdout.
        ErrorsToStderr errors = new ErrorsToStderr();
        context.getStatusManager().add(errors);

        String logDir = knob(context, "autouser.log.dir", null);
        Level logLevel = Level.toLevel(knob(context, "autouser.log.level", "AUTOUSER_LOG_LEVEL", "INFO"));
        Level libraryLevel = Level.toLevel(knob(context, "autouser.log.libraries", "AUTOUSER_LOG_LIBRARIES", "WARN"));
        String stderrLevel = knob(context, "autouser.log.stderr", "AUTOUSER_LOG_STDERR", "WARN");

        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(logLevel);
        root.addAppender(file(context, logDir == null ? new LogFolder().getPropertyValue() : logDir));
        root.addAppender(stderr(context, stderrLevel));
        for (String library : LIBRARIES) {
            context.getLogger(library).setLevel(libraryLevel);
        }
        for (String silenced : SILENCED) {
            context.getLogger(silenced).setLevel(Level.OFF);
        }
    }

    /** The daily file, owner-only, prudent: the GUI and CLI runs may write at the same time, from different processes. */
    private static OwnerOnlyRollingFileAppender<ILoggingEvent> file(LoggerContext context, String logDir) {
        OwnerOnlyRollingFileAppender<ILoggingEvent> appender = new OwnerOnlyRollingFileAppender<>();
        appender.setContext(context);
        appender.setName("FILE");
        appender.setPrudent(true);
        TimeBasedRollingPolicy<ILoggingEvent> rolling = new TimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(logDir + "/autouser-%d{yyyy-MM-dd}.log");
        rolling.setMaxHistory(14);
        rolling.setTotalSizeCap(FileSize.valueOf("100MB"));
        rolling.start();
        appender.setRollingPolicy(rolling);
        appender.setEncoder(encoder(context, FILE_PATTERN));
        appender.start();
        return appender;
    }

    private static ConsoleAppender<ILoggingEvent> stderr(LoggerContext context, String level) {
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("STDERR");
        appender.setTarget("System.err");
        ThresholdFilter threshold = new ThresholdFilter();
        threshold.setContext(context);
        threshold.setLevel(level);
        threshold.start();
        appender.addFilter(threshold);
        appender.setEncoder(encoder(context, STDERR_PATTERN));
        appender.start();
        return appender;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }

    private static String knob(LoggerContext context, String property, String fallback) {
        String value = context.getProperty(property);
        return value != null ? value : System.getProperty(property, fallback);
    }

    private static String knob(LoggerContext context, String property, String variable, String fallback) {
        String value = knob(context, property, null);
        if (value == null) {
            value = System.getenv(variable);
        }
        return value != null ? value : fallback;
    }
}
