package io.newsmon.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.encoder.Encoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonFormatWritesOneObjectPerLineAndEventEvenWithAMultiLineMessageAndAnException() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(Logging.jsonEncoder(context));
        appender.setOutputStream(stream);
        appender.start();
        Logger logger = context.getLogger("io.newsmon.ingest.kafka.IngestService");
        logger.addAppender(appender);

        logger.info("polled {} feeds", 3);
        logger.error("feed {} failed:\nsecond line", "https://example.org/rss.xml",
                new IllegalStateException("boom", new IOException("connection reset")));

        List<String> lines = stream.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode info = JSON.readTree(lines.get(0));
        JsonNode error = JSON.readTree(lines.get(1));
        assertThat(info.get("level").asText()).isEqualTo("INFO");
        assertThat(info.get("loggerName").asText()).isEqualTo("io.newsmon.ingest.kafka.IngestService");
        assertThat(info.get("threadName").asText()).isEqualTo(Thread.currentThread().getName());
        assertThat(info.get("formattedMessage").asText()).isEqualTo("polled 3 feeds");
        assertThat(info.get("timestamp").asLong()).isPositive();
        assertThat(info.has("message")).as("the raw message is left out; the formatted one is enough").isFalse();
        assertThat(error.get("formattedMessage").asText()).isEqualTo("feed https://example.org/rss.xml failed:\nsecond line");
        assertThat(error.get("throwable").get("className").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.get("throwable").get("message").asText()).isEqualTo("boom");
        assertThat(error.get("throwable").toString()).contains("connection reset");
    }

    @Test
    void theLaunchersLogbackXmlIsValidAndLogsToStandardErrorSoThatStandardOutputStaysClean() throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try (InputStream xml = Files.newInputStream(Path.of("src/main/resources/logback.xml"))) {
            configurator.doConfigure(xml);
        }

        assertThat(context.getStatusManager().getCopyOfStatusList())
                .noneMatch(status -> status.getEffectiveLevel() >= Status.WARN);
        Appender<ILoggingEvent> console = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");
        assertThat(console).isInstanceOfSatisfying(ConsoleAppender.class,
                appender -> assertThat(appender.getTarget()).isEqualTo("System.err"));
    }

    @Test
    void applySwitchesTheRootAppenderToJsonAndBackToTheConsolePatternAndSetsTheLevel() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        OutputStreamAppender<ILoggingEvent> console = (OutputStreamAppender<ILoggingEvent>) root.getAppender("CONSOLE");
        Encoder<ILoggingEvent> pattern = console.getEncoder();
        try {
            Logging.apply("json", "WARN");
            assertThat(console.getEncoder()).isInstanceOf(JsonEncoder.class);
            assertThat(console.isStarted()).isTrue();
            assertThat(root.getLevel()).isEqualTo(Level.WARN);

            Logging.apply("console", "INFO");
            assertThat(console.getEncoder()).isSameAs(pattern);
            assertThat(root.getLevel()).isEqualTo(Level.INFO);
        } finally {
            Logging.apply("console", "INFO");
        }
    }

    @Test
    void theConsoleFormatMasksPasswordsAndEscapesControlCharactersOfEveryLoggerAtDebug() throws Exception {
        String err = logThroughTheLaunchersConfiguration("console", LoggingTest::logSecretsAndEscapes);

        assertThat(err).doesNotContain("SECRET123", "PASSWORD", "TOKEN9", "EXCEPTIONPW")
                .contains("Connecting with URL: jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=***")
                .contains("feed http://user:***@news.example/feed.xml?token=***: redirect to \"\\u001b]0;pwned\\u0007\"")
                .contains("title \\u001b[2J\\nforged line \\u009b\\u202e")
                .contains("java.sql.SQLException: No suitable driver found for jdbc:postgresql://db/x?password=***");
        assertThat(err.chars().filter(c -> c == 0x1b || c == 0x07 || c >= 0x80 && c <= 0x9f || c == 0x202e))
                .as("raw control characters").isEmpty();
        assertThat(err.lines()).noneMatch(line -> line.startsWith("forged line"));
    }

    @Test
    void theJsonFormatMasksPasswordsAndLeavesNoRawControlCharacterInValidJson() throws Exception {
        String err = logThroughTheLaunchersConfiguration("json", LoggingTest::logSecretsAndEscapes);

        assertThat(err).doesNotContain("SECRET123", "PASSWORD", "TOKEN9", "EXCEPTIONPW");
        assertThat(err.chars().filter(c -> c < 0x20 && c != '\n' || c >= 0x7f && c <= 0x9f || c == 0x202e))
                .as("raw control characters").isEmpty();
        List<JsonNode> events = new java.util.ArrayList<>();
        for (String line : err.lines().toList()) {
            events.add(JSON.readTree(line));
        }
        assertThat(events).extracting(event -> event.get("formattedMessage").asText()).contains(
                "Connecting with URL: jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=***",
                "feed http://user:***@news.example/feed.xml?token=***: redirect to \"\u001b]0;pwned\u0007\"",
                "title \u001b[2J\nforged line \u009b\u202e");
        assertThat(events).anySatisfy(event -> assertThat(event.get("throwable").path("message").asText())
                .isEqualTo("No suitable driver found for jdbc:postgresql://db/x?password=***"));
    }

    @Test
    void thePostgresqlDriverDoesNotLogAtDebugEvenWhenTheRootLevelIsDebug() throws Exception {
        LoggerContext context = launchersContext();
        Logging.apply(context, "console", "DEBUG");

        assertThat(context.getLogger("io.newsmon.store.jdbc.Databases").isDebugEnabled()).isTrue();
        assertThat(context.getLogger("org.postgresql.Driver").isDebugEnabled()).isFalse();
        assertThat(context.getLogger("org.postgresql.Driver").isInfoEnabled()).isTrue();
    }

    /** What the launcher's logback.xml writes to standard error at DEBUG in {@code format}. */
    private static String logThroughTheLaunchersConfiguration(String format, Consumer<LoggerContext> logging)
            throws Exception {
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext context = launchersContext();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            Logging.apply(context, format, "DEBUG");
            logging.accept(context);
        } finally {
            System.setErr(stderr);
            context.stop();
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static LoggerContext launchersContext() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try (InputStream xml = Files.newInputStream(Path.of("src/main/resources/logback.xml"))) {
            configurator.doConfigure(xml);
        }
        return context;
    }

    /** Logs as a JDBC driver, a library quoting a hostile page and a failed connection would. */
    private static void logSecretsAndEscapes(LoggerContext context) {
        context.getLogger("com.example.jdbc.Driver")
                .debug("Connecting with URL: jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=SECRET123");
        context.getLogger("com.example.Fetcher").warn("feed {}: redirect to \"{}\"",
                "http://user:PASSWORD@news.example/feed.xml?token=TOKEN9", "\u001b]0;pwned\u0007");
        context.getLogger("com.example.Parser").info("title {}", "\u001b[2J\nforged line \u009b\u202e");
        context.getLogger("com.example.Pool").error("cannot connect",
                new java.sql.SQLException("No suitable driver found for jdbc:postgresql://db/x?password=EXCEPTIONPW"));
    }
}
