package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar as a new user runs it: {@code java -jar app/target/newsmon.jar run --once} with the
 * defaults (embedded broker and SQLite under ./newsmon-data, bundled topics), then {@code export}.
 */
class JarIT {
    private static final Path JAR = Path.of("target", "newsmon.jar").toAbsolutePath();

    @TempDir
    Path workDir;

    @Test
    void runOnceWithDefaultsStoresTheSiteAndExportPrintsIt() throws Exception {
        try (FixtureSite site = new FixtureSite()) {
            Path feeds = site.writeResource("/feeds.yml", workDir);
            Result run = java("run", "--once", "--feeds", feeds.toString(), "--allow-private-addresses",
                    "--per-host-delay", "PT0S");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("stored     6 new");
            assertThat(workDir.resolve("newsmon-data/newsmon.db")).exists();
            assertThat(workDir.resolve("newsmon-data/kafka/meta.properties")).exists();

            Result export = java("export", "--store", "jdbc:sqlite:newsmon-data/newsmon.db", "--topic", "export-controls");
            assertThat(export.exitCode()).as(export.err()).isZero();
            assertThat(export.out().lines().toList()).anySatisfy(line ->
                    assertThat(line).contains("/articles/commerce-entity-list.html").contains("\"export-controls\""));
        }
    }

    @Test
    void helpListsTheCommands() throws Exception {
        Result help = java("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("run", "ingest", "enrich", "store", "export");
    }

    private record Result(int exitCode, String out, String err) {
    }

    private Result java(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--sun-misc-unsafe-memory-access=allow", "-Xmx512m", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = workDir.resolve("stdout.txt");
        Path err = workDir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("newsmon " + String.join(" ", args) + " did not finish within 3 minutes: "
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
