package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmon.app.logging.Logging;
import io.newsmon.store.jdbc.ArticleStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log-format setting, applied before the command runs, turns the logs on standard error into JSON lines. */
class ConfigLogFormatTest {
    @TempDir
    Path dir;

    @Test
    void logFormatJsonFromTheEnvironmentWritesOneJsonObjectPerLineToStandardError() throws Exception {
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Cli.Result export;
        ArticleStore.open("jdbc:sqlite:" + dir.resolve("news.db")).close();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            export = ConfigCommandTest.newsmon(Map.of("NEWSMON_LOG_FORMAT", "json"), "export", "--store",
                    "jdbc:sqlite:" + dir.resolve("news.db"));
        } finally {
            System.setErr(stderr);
            Logging.apply("console", "INFO");
        }

        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).isEmpty();
        List<JsonNode> events = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).lines().toList()) {
            events.add(new ObjectMapper().readTree(line));
        }
        assertThat(events).extracting(event -> event.get("formattedMessage").asText()).contains("export: 0 articles");
        assertThat(events).allSatisfy(event -> assertThat(event.get("level").asText()).isNotBlank());
    }
}
