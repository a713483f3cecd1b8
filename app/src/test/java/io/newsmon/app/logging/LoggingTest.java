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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
        Logger logger = context.getLogger("io.newsmon.ingest.IngestService");
        logger.addAppender(appender);

        logger.info("polled {} feeds", 3);
        logger.error("feed {} failed:\nsecond line", "https://example.org/rss.xml",
                new IllegalStateException("boom", new IOException("connection reset")));

        List<String> lines = stream.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode info = JSON.readTree(lines.get(0));
        JsonNode error = JSON.readTree(lines.get(1));
        assertThat(info.get("level").asText()).isEqualTo("INFO");
        assertThat(info.get("loggerName").asText()).isEqualTo("io.newsmon.ingest.IngestService");
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
}
