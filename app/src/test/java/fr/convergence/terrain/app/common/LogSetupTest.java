package fr.convergence.terrain.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class LogSetupTest {

    /** The application's class path: no logback.xml, no property. */
    private static LogSetup asInstalled() {
        return new LogSetup(resource -> false, property -> null);
    }

    @Test
    void logbackFindsLogSetupAndTheApplicationHasNoXmlConfiguration() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
                .contains(LogSetup.class);
        assertThat(LogSetup.class.getResource("/logback.xml")).satisfiesAnyOf(
                url -> assertThat(url).isNull(),
                url -> assertThat(url.toString()).doesNotContain("/app/")); // the hub's, a test dependency
    }

    @Test
    void warningsAndErrorsGoToStandardErrorOneLineEach() {
        LoggerContext context = new LoggerContext();
        assertThat(asInstalled().configure(context)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.jooq").getEffectiveLevel()).isEqualTo(Level.WARN);
        ConsoleAppender<?> stderr = (ConsoleAppender<?>) root.getAppender("STDERR");
        assertThat(stderr.getTarget()).isEqualTo("System.err");
        assertThat(stderr.isStarted()).isTrue();
        @SuppressWarnings("unchecked")
        Encoder<LoggingEvent> encoder = (Encoder<LoggingEvent>) stderr.getEncoder();
        LoggingEvent event = new LoggingEvent(getClass().getName(), context.getLogger("fr.convergence.terrain.app.X"),
                Level.WARN, "Magasin verrouillé", null, null);
        assertThat(new String(encoder.encode(event), StandardCharsets.UTF_8))
                .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  fr\\.convergence\\.terrain\\.app\\.X - Magasin verrouillé\\R");
    }

    @Test
    void aLogbackXmlOnTheClassPathOrNamedOnTheCommandLineIsLeftToLogback() {
        LogSetup hubAlongside = new LogSetup(resource -> resource.equals("logback.xml"), property -> null);
        LogSetup diagnosing = new LogSetup(resource -> false,
                property -> property.equals("logback.configurationFile") ? "diagnostic.xml" : null);

        assertThat(hubAlongside.configure(new LoggerContext())).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(diagnosing.configure(new LoggerContext())).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
    }
}
