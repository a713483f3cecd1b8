package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
    void helpListsTheCommands() throws Exception {
        NewsmonJar.Result help = NewsmonJar.run(workDir, "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("run", "ingest", "enrich", "store", "export");
    }
}
