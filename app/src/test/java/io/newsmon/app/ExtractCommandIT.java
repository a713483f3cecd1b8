package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newsmon extract} run from the jar in the C locale, where the JVM decodes file names as ASCII
 * ({@code sun.jnu.encoding} is {@code ANSI_X3.4-1968}) and cannot turn a name with other bytes back into a path.
 */
class ExtractCommandIT {
    @TempDir
    Path workDir;

    @Test
    void namesTheCLocaleCannotDecodeAreExtractedUnderTheirOwnBytes() throws Exception {
        Path pages = Files.createDirectory(workDir.resolve("pages"));
        page(pages.resolve("plain.html"), "A plain name.");
        page(rawName(pages, "caf%C3%A9.html"), "A name in UTF-8.");
        page(rawName(pages, "caf%E9.html"), "A name in ISO-8859-1.");

        NewsmonJar.Running extract = NewsmonJar.start(workDir, Map.of("LC_ALL", "C", "LANG", "C"),
                "extract", "--in", "pages", "--out", "texts");
        assertThat(extract.process().waitFor(2, TimeUnit.MINUTES)).as("extract ends").isTrue();

        assertThat(extract.process().exitValue()).as(extract.errText()).isZero();
        assertThat(Files.readString(extract.out(), StandardCharsets.UTF_8)).startsWith("extracted 3 pages to texts in ");
        Path texts = workDir.resolve("texts");
        assertThat(texts.resolve("plain.txt")).content(StandardCharsets.UTF_8).isEqualTo("A plain name.\n");
        assertThat(rawName(texts, "caf%C3%A9.txt")).content(StandardCharsets.UTF_8).isEqualTo("A name in UTF-8.\n");
        assertThat(rawName(texts, "caf%E9.txt")).content(StandardCharsets.UTF_8).isEqualTo("A name in ISO-8859-1.\n");
    }

    /** {@code folder/name} with {@code name} given as in a URI, so {@code %E9} is the byte 0xE9 whatever the locale. */
    private static Path rawName(Path folder, String name) {
        return Path.of(URI.create(folder.toAbsolutePath().toUri() + name));
    }

    private static void page(Path file, String paragraph) throws Exception {
        Files.writeString(file, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>T</title></head><body>"
                + "<article><p>" + paragraph + "</p></article></body></html>\n", StandardCharsets.UTF_8);
    }
}
