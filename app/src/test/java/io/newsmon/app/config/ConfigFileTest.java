package io.newsmon.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    /** A hang guard, not a speed test: before the limits a single-line file of 8 MiB took 40 s and a named pipe forever. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void readsSettingsWithTheirLines() throws IOException {
        ConfigFile file = ConfigFile.load(write("per-host-delay: PT2S\n\nmetrics-port: 9404\n"), "--config");

        assertThat(file.problems()).isEmpty();
        assertThat(file.entries()).containsEntry("per-host-delay", new ConfigFile.Entry("PT2S", 1))
                .containsEntry("metrics-port", new ConfigFile.Entry("9404", 3));
    }

    @Test
    void refusesAFileLargerThanTheLimitBeforeParsingIt() throws IOException {
        Path file = write("# comment\n".repeat(120_000));

        assertThat(problems(file)).containsExactly("config " + file + " (from --config): must be a YAML file of at most"
                + " 1 MiB (1,048,576 bytes), but it is 1,200,000 bytes: check that it is the right file");
    }

    @Test
    void refusesALineLongerThanTheLimitBeforeParsingIt() throws IOException {
        Path file = write("per-host-delay: PT2S\nstore: " + "x".repeat(1_000_000) + "\n");

        assertThat(problems(file)).containsExactly(file + " line 2: is 1,000,007 bytes long, more than the 32,768 a line"
                + " of the config file may have: break it into shorter lines");
    }

    @Test
    void refusesMoreTokensThanTheLimit() throws IOException {
        Path file = write("per-host-delay: [\n" + "  x,\n".repeat(20_000) + "]\n");

        assertThat(problems(file)).singleElement().asString().startsWith(file + " line 9999: ")
                .endsWith(": more than 10,000 YAML tokens (keys, values, starts and ends of lists and maps), the most"
                        + " the config file may have");
    }

    @Test
    void refusesDeepNesting() throws IOException {
        Path file = write("per-host-delay: " + "[".repeat(10_000) + "\n");

        assertThat(problems(file)).containsExactly(file + " line 1: lists and maps nest more than 20 deep, the most the"
                + " config file may have");
    }

    @Test
    void refusesAliasesRatherThanReadingTheAnchorsName() throws IOException {
        Path file = write("per-host-delay: &delay PT2S\npoll-interval: *delay\n");

        assertThat(problems(file)).containsExactly(file + " line 2: the alias *delay is not supported: write the value"
                + " out where it is used");
    }

    @Test
    void refusesANamedPipeWithoutOpeningItAndADirectory() throws IOException, InterruptedException {
        Path fifo = dir.resolve("newsmon.fifo");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is available");

        assertThat(problems(fifo)).containsExactly("config " + fifo + " (from --config): must be a readable YAML file:"
                + " it is not a regular file but a named pipe, a device or a socket");
        assertThat(problems(dir)).containsExactly("config " + dir + " (from --config): must be a readable YAML file:"
                + " it is a directory");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("newsmon.yml"), yaml);
    }

    /** The problems of loading {@code file}, within the hang guard. */
    private static List<String> problems(Path file) {
        return assertTimeoutPreemptively(HANG_GUARD,
                () -> ConfigFile.load(file, "--config").problems().stream().map(Problem::message).toList());
    }
}
