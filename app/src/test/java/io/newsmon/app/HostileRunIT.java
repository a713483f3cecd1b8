package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmon.testkit.TestKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --once} on a real broker, as a user runs it, over sites that would once have held it up: a page
 * whose title is a million vertical tabs (which made two title patterns backtrack for days), and a host
 * whose pages are 30 s apart. Each run ends within {@link #BOUND}.
 */
class HostileRunIT {
    /** The bound stated for each run, far above what it takes (seconds) and far below the hours it took. */
    private static final Duration BOUND = Duration.ofMinutes(2);
    private static final String BODY = "<p>The Commerce Department extended the temporary licence that lets rural"
            + " carriers buy from Huawei for ninety more days, officials said on Monday.</p><p>Suppliers said the"
            + " extension gave them time to replace installed equipment across their networks.</p>";

    @TempDir
    Path dir;

    @Test
    void aPageWithAHostileTitleIsEnrichedAndThePageBesideItStored() throws Exception {
        try (TestKafka kafka = TestKafka.start(); FixtureSite site = new FixtureSite()) {
            site.add("/feed.xml", feed("/hostile.html", "/normal.html"));
            site.add("/hostile.html", "<html><head><title>Huawei" + "\u000b".repeat(1_000_000)
                    + "licence | Site</title><meta property=\"og:site_name\" content=\"Site\"></head><body>" + BODY
                    + "</body></html>");
            site.add("/normal.html", "<html><head><title>Brussels weighs vendor rules</title></head><body><p>Lawmakers"
                    + " in Brussels debated rules for network equipment vendors on Tuesday.</p><p>They weighed the"
                    + " cost of replacing radio gear against security advice from national agencies.</p></body></html>");
            String db = "jdbc:sqlite:" + dir.resolve("news.db");

            long start = System.nanoTime();
            Cli.Result run = Cli.execute("run", "--once", "--feeds", feeds(site).toString(), "--store", db,
                    "--bootstrap-servers", kafka.bootstrapServers(), "--allow-private-addresses", "--per-host-delay",
                    "PT0S");

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("stored     2 new");
            List<JsonNode> rows = Cli.export(db);
            assertThat(rows).extracting(row -> row.get("title").asText())
                    .containsExactlyInAnyOrder("Huawei licence", "Brussels weighs vendor rules");
        }
    }

    @Test
    void aRunStopsFetchingAtItsDeadlineAndSaysWhatItLeft() throws Exception {
        try (TestKafka kafka = TestKafka.start(); FixtureSite site = new FixtureSite()) {
            site.add("/feed.xml", feed("/a.html", "/b.html", "/c.html"));
            for (String page : List.of("/a.html", "/b.html", "/c.html")) {
                site.add(page, "<html><head><title>Page " + page + "</title></head><body>" + BODY + "</body></html>");
            }
            String db = "jdbc:sqlite:" + dir.resolve("news.db");

            long start = System.nanoTime();
            Cli.Result run = Cli.execute("run", "--once", "--feeds", feeds(site).toString(), "--store", db,
                    "--bootstrap-servers", kafka.bootstrapServers(), "--allow-private-addresses", "--per-host-delay",
                    "PT30S", "--ignore-robots-txt", "--once-deadline", "PT3S");

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("left       3 articles and 0 feeds for the next run: the --once-deadline"
                    + " came first").contains("fetched    0 articles (0 failed)").contains("errors     0");
        }
    }

    private Path feeds(FixtureSite site) throws Exception {
        return Files.writeString(dir.resolve("feeds.yml"), "feeds:\n  - url: " + site.base() + "/feed.xml\n    name: Site\n");
    }

    private static String feed(String... paths) {
        StringBuilder items = new StringBuilder();
        for (String path : paths) {
            items.append("<item><title>Item ").append(path).append("</title><link>{{base}}").append(path)
                    .append("</link></item>");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Site</title>"
                + "<link>{{base}}/</link><description>d</description>" + items + "</channel></rss>";
    }
}
