package io.newsmon.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.util.Iterator;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * Switches the log format and level at start-up, on the appenders {@code logback.xml} attaches to the root
 * logger (standard error, so that standard output stays clean for {@code newsmon export}).
 *
 * <ul>
 *   <li>{@code console}: the pattern of {@code logback.xml}, {@code 12:00:01.234 INFO  IngestService - ...};</li>
 *   <li>{@code json}: one JSON object per line and event, from logback's own {@link JsonEncoder}:
 *       {@code timestamp} (epoch milliseconds), {@code level}, {@code threadName}, {@code loggerName},
 *       {@code formattedMessage} and, when there is one, {@code throwable} (class, message, stack frames,
 *       cause).</li>
 * </ul>
 *
 * <p>Both formats mask passwords, tokens and keys in every message, argument and exception message, of
 * newsmon and of the libraries alike ({@code jdbc:postgresql://db/news?password=***},
 * {@code http://ann:***@example.org/feed.xml}), and neither writes a raw control character: the console
 * escapes them (<code>&#92;u001b[2J</code>), JSON as JSON does. See {@link MaskingPatternLayoutEncoder} and
 * {@link MaskingJsonEncoder}, which {@code logback.xml} and this class install.
 *
 * <p>This is the only class that sees logback; elsewhere newsmon logs through SLF4J.
 */
public final class Logging {
    /** Where the appender's encoder of {@code logback.xml} is kept while the JSON one is in use. */
    private static final String CONSOLE_ENCODER = "newsmon.consoleEncoder";

    private Logging() {
    }

    /**
     * Applies {@code format} ({@code console} or {@code json}) and {@code level} ({@code INFO}...) to the root
     * logger. Does nothing when SLF4J is bound to another backend.
     */
    public static void apply(String format, String level) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            apply(context, format, level);
        }
    }

    /** Applies {@code format} and {@code level} to the root logger of {@code context}. */
    static void apply(LoggerContext context, String format, String level) {
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(level, Level.INFO));
        boolean json = "json".equals(format.toLowerCase(Locale.ROOT));
        for (Iterator<Appender<ILoggingEvent>> appenders = root.iteratorForAppenders(); appenders.hasNext(); ) {
            if (appenders.next() instanceof OutputStreamAppender<ILoggingEvent> appender) {
                useEncoder(appender, json ? json(context, appender) : console(context, appender));
            }
        }
    }

    /**
     * The JSON encoder: one line per event with time, level, thread, logger, message and throwable, secrets
     * masked ({@link MaskingJsonEncoder}).
     */
    public static JsonEncoder jsonEncoder(Context context) {
        JsonEncoder encoder = new MaskingJsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithMarkers(false);
        encoder.setWithMDC(false);
        encoder.setWithKVPList(false);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        return encoder;
    }

    private static Encoder<ILoggingEvent> json(LoggerContext context, OutputStreamAppender<ILoggingEvent> appender) {
        if (appender.getEncoder() instanceof JsonEncoder current) {
            return current;
        }
        context.putObject(CONSOLE_ENCODER + "." + appender.getName(), appender.getEncoder());
        return jsonEncoder(context);
    }

    @SuppressWarnings("unchecked")
    private static Encoder<ILoggingEvent> console(LoggerContext context, OutputStreamAppender<ILoggingEvent> appender) {
        Object kept = context.getObject(CONSOLE_ENCODER + "." + appender.getName());
        return appender.getEncoder() instanceof JsonEncoder && kept != null
                ? (Encoder<ILoggingEvent>) kept : appender.getEncoder();
    }

    private static void useEncoder(OutputStreamAppender<ILoggingEvent> appender, Encoder<ILoggingEvent> encoder) {
        if (appender.getEncoder() == encoder) {
            return;
        }
        appender.stop();
        appender.setEncoder(encoder);
        appender.start();
    }
}
