package fr.convergence.terrain.hub;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, finding 5: a value sent by a device (a table name, a label, a path) written to the hub's log cannot make
 * a line that looks like another log line: every line the hub writes starts with {@code ts=}, or is an indented
 * part of a stack trace.
 */
class HubLogInjectionTest {

    static final String HOSTILE = "participant\nts=2026-01-01T00:00:00.000Z level=ERROR logger=Hub thread=main "
            + "msg=\"base corrompue\"\r\u001b[2K\u2028\" level=ERROR \\";

    /** The lines the hub's own logback.xml writes for one event. */
    @SuppressWarnings("unchecked")
    static List<String> logged(Level level, Throwable error, String message, Object... args) throws Exception {
        LoggerContext context = new LoggerContext();
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(HubLogInjectionTest.class.getResource("/logback.xml"));
            var logger = context.getLogger("fr.convergence.terrain.hub.sync.SyncService");
            var appender = (OutputStreamAppender<ILoggingEvent>) context.getLogger(
                    org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDOUT");
            LoggingEvent event = new LoggingEvent(HubLogInjectionTest.class.getName(), logger, level, message, error,
                    args);
            return new String(appender.getEncoder().encode(event), StandardCharsets.UTF_8).lines().toList();
        } finally {
            context.stop();
        }
    }

    @Test
    void aHostileValueInALogLineStaysOnItsLineAndInsideItsMessage() throws Exception {
        List<String> lines = logged(Level.INFO, null, "sync device={} op={} table={} refused={} reason={}",
                "d1", 3, HOSTILE, "malformed", "Type de donnée inconnu : « " + HOSTILE + " ».");
        assertThat(lines).hasSize(1);
        String line = lines.get(0);
        assertThat(line).startsWith("ts=").contains("level=INFO").doesNotContain("\u001b").doesNotContain("\r")
                .doesNotContain("\u2028");
        // The message is quoted: no unescaped quote inside it may close it early.
        String message = line.substring(line.indexOf("msg=\"") + 5, line.length() - 1);
        assertThat(message.replace("\\\\", "").replace("\\\"", "")).doesNotContain("\"");
        assertThat(line).endsWith("\"");
    }

    @Test
    void aHostileExceptionMessageCannotStartALineOfItsOwn() throws Exception {
        List<String> lines = logged(Level.ERROR, new IllegalStateException("Unrecognized token '" + HOSTILE + "'"),
                "request failed path={}", "/api/v1/sync");
        assertThat(lines.get(0)).startsWith("ts=").contains("level=ERROR");
        assertThat(lines.subList(1, lines.size())).isNotEmpty()
                .allSatisfy(l -> assertThat(l).doesNotStartWith("ts=").startsWith("  | "));
        assertThat(String.join("\n", lines)).doesNotContain("\u001b");
    }
}
