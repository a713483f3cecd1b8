package io.newsmon.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;
import io.newsmon.model.text.Printable;
import io.newsmon.model.text.Secrets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.helpers.MessageFormatter;

/**
 * A logging event as the encoders write it: secrets masked ({@link Secrets}) in the message, its
 * arguments and the messages of its throwable and causes, whichever library logged it; for the console
 * also control characters escaped ({@link Printable}), so that a page, header or URL quoted in a message
 * cannot drive the terminal or forge a log line. The message keeps its own line breaks; an argument's are
 * escaped. The JSON format leaves control characters to the JSON encoder.
 */
final class MaskedEvent implements ILoggingEvent {
    private final ILoggingEvent event;
    private final boolean escape;
    private String formattedMessage;

    private MaskedEvent(ILoggingEvent event, boolean escape) {
        this.event = event;
        this.escape = escape;
    }

    /** {@code event} for the console: masked and escaped. */
    static ILoggingEvent console(ILoggingEvent event) {
        return new MaskedEvent(event, true);
    }

    /** {@code event} for JSON: masked; the encoder escapes control characters as JSON does. */
    static ILoggingEvent json(ILoggingEvent event) {
        return new MaskedEvent(event, false);
    }

    @Override
    public String getFormattedMessage() {
        if (formattedMessage == null) {
            Object[] arguments = event.getArgumentArray();
            String formatted = arguments == null || arguments.length == 0 || event.getMessage() == null
                    ? event.getFormattedMessage()
                    : MessageFormatter.basicArrayFormat(event.getMessage(), shown(arguments, this::argument));
            formattedMessage = lines(formatted);
        }
        return formattedMessage;
    }

    @Override
    public String getMessage() {
        return lines(event.getMessage());
    }

    @Override
    public Object[] getArgumentArray() {
        Object[] arguments = event.getArgumentArray();
        return arguments == null ? null : shown(arguments, this::argument);
    }

    @Override
    public IThrowableProxy getThrowableProxy() {
        return MaskedThrowable.of(event.getThrowableProxy(), this::lines);
    }

    /** Masked text that may span lines; escaped but for its line breaks on the console. */
    private String lines(String text) {
        String masked = Secrets.mask(text);
        return escape ? Printable.escapeKeepingLines(masked) : masked;
    }

    /** A masked argument; escaped, line breaks too, on the console. Arrays are left to the formatter. */
    private Object argument(Object argument) {
        if (argument == null || argument.getClass().isArray()) {
            return argument;
        }
        String masked = Secrets.mask(String.valueOf(argument));
        return escape ? Printable.escape(masked) : masked;
    }

    private static Object[] shown(Object[] arguments, UnaryOperator<Object> shown) {
        return Arrays.stream(arguments).map(shown).toArray();
    }

    @Override
    public String getThreadName() {
        return event.getThreadName();
    }

    @Override
    public Level getLevel() {
        return event.getLevel();
    }

    @Override
    public String getLoggerName() {
        return event.getLoggerName();
    }

    @Override
    public LoggerContextVO getLoggerContextVO() {
        return event.getLoggerContextVO();
    }

    @Override
    public StackTraceElement[] getCallerData() {
        return event.getCallerData();
    }

    @Override
    public boolean hasCallerData() {
        return event.hasCallerData();
    }

    @Override
    public List<Marker> getMarkerList() {
        return event.getMarkerList();
    }

    @Override
    public Map<String, String> getMDCPropertyMap() {
        return event.getMDCPropertyMap();
    }

    @Override
    @SuppressWarnings("deprecation")
    public Map<String, String> getMdc() {
        return event.getMdc();
    }

    @Override
    public long getTimeStamp() {
        return event.getTimeStamp();
    }

    @Override
    public int getNanoseconds() {
        return event.getNanoseconds();
    }

    @Override
    public Instant getInstant() {
        return event.getInstant();
    }

    @Override
    public long getSequenceNumber() {
        return event.getSequenceNumber();
    }

    @Override
    public List<KeyValuePair> getKeyValuePairs() {
        return event.getKeyValuePairs();
    }

    @Override
    public void prepareForDeferredProcessing() {
        event.prepareForDeferredProcessing();
    }
}
