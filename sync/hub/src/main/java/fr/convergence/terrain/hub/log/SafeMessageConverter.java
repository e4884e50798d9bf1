package fr.convergence.terrain.hub.log;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %safeMsg} in logback.xml: the formatted message, escaped by {@link SafeText#quoted}. */
public final class SafeMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return SafeText.quoted(super.convert(event));
    }
}
