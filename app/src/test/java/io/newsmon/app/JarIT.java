package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar as a new user runs it: {@code java -jar app/target/newsmon.jar run --once} with the
 * defaults (embedded broker and SQLite under ./newsmon-data, bundled topics), then {@code export}.
 */
class JarIT {
    @TempDir
    Path workDir;

    @Test
    void runOnceWithDefaultsStoresTheSiteOnceAndExportPrintsIt() throws Exception {
        try (FixtureSite site = new FixtureSite()) {
            Path feeds = site.writeResource("/feeds.yml", workDir);
            NewsmonJar.Result run = NewsmonJar.run(workDir, "run", "--once", "--feeds", feeds.toString(),
                    "--allow-private-addresses", "--per-host-delay", "PT0S");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("stored     6 new");
            assertThat(workDir.resolve("newsmon-data/newsmon.db")).exists();
            assertThat(workDir.resolve("newsmon-data/kafka/meta.properties")).exists();

            NewsmonJar.Result again = NewsmonJar.run(workDir, "run", "--once", "--feeds", feeds.toString(),
                    "--allow-private-addresses", "--per-host-delay", "PT0S");
            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(again.out()).as("the broker restarts on its folder; nothing is stored twice")
                    .contains("stored     0 new");

            NewsmonJar.Result export = NewsmonJar.run(workDir, "export", "--store", "jdbc:sqlite:newsmon-data/newsmon.db",
                    "--topic", "export-controls");
            assertThat(export.exitCode()).as(export.err()).isZero();
            assertThat(export.out().lines().toList()).anySatisfy(line ->
                    assertThat(line).contains("/articles/commerce-entity-list.html").contains("\"export-controls\""));
        }
    }

    @Test
    void refusesTheLocalSiteWithoutAllowPrivateAddresses() throws Exception {
        try (FixtureSite site = new FixtureSite()) {
            Path feeds = site.writeResource("/feeds.yml", workDir);
            NewsmonJar.Result run = NewsmonJar.run(workDir, "run", "--once", "--feeds", feeds.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("feeds      3 (3 failed, 0 not modified)").contains("--allow-private-addresses");
            assertThat(site.hits("/feeds/rss.xml")).isZero();
        }
    }

    @Test
    void extractWritesTheArticleTextOfEachSavedPage() throws Exception {
        Path pages = Files.createDirectory(workDir.resolve("pages"));
        Map<String, String> headlines = Map.of(
                "bakery-award", "Riverside bakery wins regional bread award",
                "commerce-entity-list", "Commerce adds dozens of Huawei affiliates to the Entity List");
        for (String name : headlines.keySet()) {
            try (InputStream page = JarIT.class.getResourceAsStream("/site/articles/" + name + ".html")) {
                Files.copy(page, pages.resolve(name + ".html"));
            }
        }
        Files.writeString(pages.resolve("README.md"), "Saved pages.\n");

        NewsmonJar.Result extract = NewsmonJar.run(workDir, "extract", "--in", "pages", "--out", "texts");

        assertThat(extract.exitCode()).as(extract.err()).isZero();
        assertThat(extract.out()).startsWith("extracted 2 pages to texts in ").contains("(0 empty, 0 failed)");
        try (Stream<Path> written = Files.list(workDir.resolve("texts"))) {
            assertThat(written.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("bakery-award.txt", "commerce-entity-list.txt");
        }
        for (Map.Entry<String, String> page : headlines.entrySet()) {
            String text = Files.readString(workDir.resolve("texts/" + page.getKey() + ".txt"), StandardCharsets.UTF_8);
            String expected;
            try (InputStream label = JarIT.class.getResourceAsStream("/site/articles/" + page.getKey() + ".expected.txt")) {
                expected = new String(label.readAllBytes(), StandardCharsets.UTF_8);
            }
            for (String paragraph : expected.strip().split("\n\n")) {
                assertThat(text).as(page.getKey()).contains(paragraph);
            }
            assertThat(text).as(page.getKey()).doesNotContain(page.getValue()).doesNotContain("Accept all cookies")
                    .endsWith("\n");
        }
    }

    @Test
    void helpListsTheCommands() throws Exception {
        NewsmonJar.Result help = NewsmonJar.run(workDir, "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("run", "ingest", "enrich", "store", "export");
    }
}
