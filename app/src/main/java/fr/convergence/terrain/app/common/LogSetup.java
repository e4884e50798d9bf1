package fr.convergence.terrain.app.common;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The application's logging, set up in Java rather than in a logback.xml: warnings and errors on the standard error,
 * one line each. Reading an XML configuration loaded ≈ 600 classes of logback's configurator and of the JDK's XML
 * parser before the first window (issue 17). Found by logback through {@code META-INF/services}.
 * <p>
 * Where a logback.xml is on the class path (the hub's, in the tests that run a hub and the application together) or
 * {@code -Dlogback.configurationFile} names one (to see more while diagnosing), logback's own configuration runs.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n";

    private final Predicate<String> onClassPath;
    private final UnaryOperator<String> systemProperty;

    /** Called by logback (ServiceLoader). */
    public LogSetup() {
        this(name -> LogSetup.class.getClassLoader().getResource(name) != null, System::getProperty);
    }

    LogSetup(Predicate<String> onClassPath, UnaryOperator<String> systemProperty) {
        this.onClassPath = onClassPath;
        this.systemProperty = systemProperty;
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (systemProperty.apply("logback.configurationFile") != null || onClassPath.test("logback.xml")
                || onClassPath.test("logback-test.xml")) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        // sqlite-jdbc logs each way it tried to load its native library with a stack trace, even when a later way
        // works; when none does, the store says it in French with the reason (SqliteUnavailableException).
        context.getLogger("org.sqlite.SQLiteJDBCLoader").setLevel(Level.OFF);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
