package io.newsmon.model.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedYamlTest {
    /** A hang guard, not a speed test: a named pipe that is opened blocks until something writes to it. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(10);

    private final BoundedYaml bounded = new BoundedYaml("a test file", 1L << 20, 10);
    private final YAMLMapper yaml = YAMLMapper.builder(bounded.factory()).build();

    @TempDir
    Path dir;

    @Test
    void readsAFileWithinTheLimits() throws IOException {
        Path file = Files.writeString(dir.resolve("ok.yml"), "a: [1, 2]\n");

        assertThat(tree(file).get("a").size()).isEqualTo(2);
    }

    @Test
    void refusesANamedPipeWithoutOpeningIt() throws IOException, InterruptedException {
        Path fifo = dir.resolve("test.fifo");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is available");

        FileLimitException e = assertTimeoutPreemptively(HANG_GUARD,
                () -> catchThrowableOfType(FileLimitException.class, () -> bounded.read(fifo)));

        assertThat(e.rule()).isEqualTo(FileLimitException.Rule.NOT_REGULAR_FILE);
        assertThat(e).hasMessage(fifo + ": is not a regular file (it is a named pipe, a device or a socket): give the"
                + " path of a test file");
    }

    @Test
    void refusesAFileLargerThanItsLimitWithTheSizes() throws IOException {
        Path file = Files.writeString(dir.resolve("large.yml"), "#\n".repeat(600_000));

        FileLimitException e = catchThrowableOfType(FileLimitException.class, () -> bounded.read(file));

        assertThat(e.rule()).isEqualTo(FileLimitException.Rule.TOO_LARGE);
        assertThat(e.size()).isEqualTo(1_200_000);
        assertThat(e.limit()).isEqualTo(1L << 20);
        assertThat(e).hasMessage(file + ": is 1,200,000 bytes, more than the 1 MiB (1,048,576 bytes) a test file may"
                + " have: check that it is the right file");
    }

    @Test
    void refusesALongLineNamingIt() throws IOException {
        Path file = Files.writeString(dir.resolve("long.yml"), "a: 1\r\nb: 2\n" + "c: " + "x".repeat(40_000) + "\n");

        FileLimitException e = catchThrowableOfType(FileLimitException.class, () -> bounded.read(file));

        assertThat(e.rule()).isEqualTo(FileLimitException.Rule.LINE_TOO_LONG);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.reason()).isEqualTo("is 40,003 bytes long, more than the 32,768 a line of a test file may have:"
                + " break it into shorter lines");
        assertThat(e).hasMessage(file + ": line 3 " + e.reason());
    }

    @Test
    void refusesAnAliasRatherThanReadingTheAnchorsName() throws IOException {
        Path file = Files.writeString(dir.resolve("alias.yml"), "a: &x 1\nb: *x\n");

        BoundedYaml.LimitExceeded e = BoundedYaml.limitExceeded(catchThrowableOfType(IOException.class, () -> tree(file)));

        assertThat(e).isNotNull();
        assertThat(e.getOriginalMessage()).isEqualTo("the alias *x is not supported: write the value out where it is used");
        assertThat(e.getLocation().getLineNr()).isEqualTo(2);
    }

    @Test
    void refusesMoreTokensThanItsLimit() throws IOException {
        Path file = Files.writeString(dir.resolve("tokens.yml"), "a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n");

        BoundedYaml.LimitExceeded e = BoundedYaml.limitExceeded(catchThrowableOfType(IOException.class, () -> tree(file)));

        assertThat(e).isNotNull();
        assertThat(e.getOriginalMessage()).isEqualTo("more than 10 YAML tokens (keys, values, starts and ends of lists"
                + " and maps), the most a test file may have");
    }

    @Test
    void refusesNestingDeeperThanTheLimit() throws IOException {
        Path file = Files.writeString(dir.resolve("deep.yml"), "[".repeat(30) + "\n");
        BoundedYaml roomy = new BoundedYaml("a test file", 1L << 20, 1_000);

        BoundedYaml.LimitExceeded e = BoundedYaml.limitExceeded(catchThrowableOfType(IOException.class,
                () -> yaml.readTree(roomy.parser(yaml.createParser(roomy.read(file))))));

        assertThat(e).isNotNull();
        assertThat(e.getOriginalMessage()).isEqualTo("lists and maps nest more than 20 deep, the most a test file may have");
    }

    private JsonNode tree(Path file) throws IOException {
        try (JsonParser parser = bounded.parser(yaml.createParser(bounded.read(file)))) {
            return yaml.readTree(parser);
        }
    }
}
