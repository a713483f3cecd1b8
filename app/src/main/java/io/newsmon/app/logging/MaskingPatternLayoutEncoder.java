package io.newsmon.app.logging;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The console format of {@code logback.xml}: logback's pattern encoder writing each event as
 * {@link MaskedEvent#console} shows it, secrets masked and control characters escaped.
 *
 * <p>Example: {@code <encoder class="io.newsmon.app.logging.MaskingPatternLayoutEncoder"><pattern>%msg%n</pattern></encoder>}
 * writes {@code Connecting with URL: jdbc:postgresql://db/news?password=***}.
 */
public class MaskingPatternLayoutEncoder extends PatternLayoutEncoder {
    @Override
    public byte[] encode(ILoggingEvent event) {
        return super.encode(MaskedEvent.console(event));
    }
}
