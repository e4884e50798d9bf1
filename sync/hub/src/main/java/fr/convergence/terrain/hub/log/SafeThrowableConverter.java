package fr.convergence.terrain.hub.log;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %safeEx} in logback.xml: a stack trace whose every line is indented by {@code "  | "}, and whose control
 * characters are escaped: an exception's message (which may quote what a device sent) cannot make a line that
 * starts like a log line ({@code ts=…}).
 */
public final class SafeThrowableConverter extends ThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        String trace = super.convert(event);
        if (trace == null || trace.isEmpty()) {
            return trace;
        }
        StringBuilder out = new StringBuilder(trace.length() + 64);
        for (String line : trace.split("\r\n|\n|\r")) {
            if (!line.isEmpty()) {
                out.append("  | ").append(SafeText.escape(line.replace('\t', ' '), false)).append(System.lineSeparator());
            }
        }
        return out.toString();
    }
}
