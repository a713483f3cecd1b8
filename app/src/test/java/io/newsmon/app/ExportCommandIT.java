package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.model.EnrichedArticle;
import io.newsmon.store.jdbc.ArticleStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsmon export} reads: it creates no database, and reads one its user may not write. */
class ExportCommandIT {
    /** The user a read-only database is read as when the tests run as root, who may write anything. */
    private static final String NOBODY = "65534";

    @TempDir
    Path dir;

    @Test
    void refusesADatabaseFileThatDoesNotExistAndCreatesNothing() throws Exception {
        Path missing = dir.resolve("typo").resolve("newsmon.db");

        NewsmonJar.Result export = NewsmonJar.run(dir, "export", "--store", "jdbc:sqlite:" + missing);

        assertThat(export.exitCode()).isNotZero();
        assertThat(export.err()).contains("the SQLite database " + missing + " does not exist");
        assertThat(export.out()).isEmpty();
        assertThat(dir.resolve("typo")).doesNotExist();
    }

    /**
     * A database file and folder its user may only read (a backup, another user's data) is exported. As
     * root every file is writable, so there the export runs as user nobody (65534), through setpriv.
     */
    @Test
    void exportsADatabaseItsUserMayNotWrite() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        Path file = data.resolve("newsmon.db");
        try (ArticleStore store = ArticleStore.open("jdbc:sqlite:" + file)) {
            store.upsert(List.of(article("a1")));
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Result export = exportAsReader(file);

            assertThat(export.exitCode()).as(export.err()).isZero();
            assertThat(export.out()).contains("\"id\":\"a1\"");
            assertThat(data).isDirectoryNotContaining(path -> !path.getFileName().toString().equals("newsmon.db"));
        } finally {
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private record Result(int exitCode, String out, String err) {
    }

    /** Runs export as a user who may not write {@code file}: this user, or nobody when this user is root. */
    private Result exportAsReader(Path file) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
                Path.of("target", "newsmon.jar").toAbsolutePath().toString(), "export", "--store", "jdbc:sqlite:" + file));
        Path out = Files.createTempFile("export", ".out");
        Path err = Files.createTempFile("export", ".err");
        try {
            Process process = new ProcessBuilder(command).directory(Path.of("/tmp").toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("export did not finish within 2 minutes");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static EnrichedArticle article(String id) {
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, id, "https://news.example/" + id, null, "Example",
                "https://news.example/feed.xml", "Title " + id, null, null, null, Instant.parse("2026-03-01T00:00:00Z"),
                "en", null, "Some text.", "hash-" + id, List.of(), null, null, null);
    }
}
