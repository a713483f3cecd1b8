package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmon.app.logging.Logging;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Passwords given on the command line never come back on standard error, however the command fails. */
class SecretsOnTheCommandLineTest {
    /** As {@link Newsmon#main} does, so that the PostgreSQL driver's java.util.logging reaches logback. */
    @BeforeAll
    static void routeJavaUtilLogging() {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    @AfterAll
    static void stopRoutingJavaUtilLogging() {
        SLF4JBridgeHandler.uninstall();
    }

    @Test
    void aMistypedOptionIsEchoedWithItsPasswordMaskedAndTheSuggestion() {
        Cli.Result export = Cli.execute("export", "--stor=jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=SECRET");

        assertThat(export.exitCode()).isEqualTo(Newsmon.CONFIG_ERROR);
        assertThat(export.err()).doesNotContain("SECRET")
                .contains("Unknown option: '--stor=jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=***'")
                .contains("Possible solutions: --store");
    }

    @Test
    void anUnmatchedArgumentIsEchoedWithItsUserInfoMaskedAndItsControlCharactersEscaped() {
        Cli.Result export = Cli.execute("export", "--store", "jdbc:sqlite::memory:",
                "http://ann:SECRET@news.example/feed.xml\u001b]0;pwned\u0007");

        assertThat(export.exitCode()).isEqualTo(Newsmon.CONFIG_ERROR);
        assertThat(export.err()).doesNotContain("SECRET").doesNotContain("\u001b")
                .contains("http://ann:***@news.example/feed.xml\\u001b]0;pwned\\u0007");
    }

    @ParameterizedTest
    @ValueSource(strings = {"console", "json"})
    void exportAtDebugLogsNoPasswordOfItsStoreUrl(String format) throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/test?user=postgres&password=SECRET123";
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Cli.Result export;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            export = Cli.execute("export", "--store", url, "--log-level", "DEBUG", "--log-format", format);
            LoggerFactory.getLogger(SecretsOnTheCommandLineTest.class).debug("captured at DEBUG");
        } finally {
            System.setErr(stderr);
            Logging.apply("console", "INFO");
        }

        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(export.exitCode()).isEqualTo(Newsmon.CONFIG_ERROR);
        assertThat(export.err()).contains("password=***").doesNotContain("SECRET123");
        assertThat(log).as("DEBUG logs").contains("captured at DEBUG").doesNotContain("SECRET123");
        if (format.equals("json")) {
            for (String line : log.lines().toList()) {
                new ObjectMapper().readTree(line);
            }
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
