package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmon.testkit.TestKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A page of several MB goes through news.raw and news.enriched into the database whole. */
class LargePageIT {
    private static final String[] WORDS = ("export licence entity list commerce department huawei chips supplier "
            + "semiconductor rule review network operator equipment security agency trade talks tariff court "
            + "senator letter hearing android windows arm design tools stockpile analyst market").split(" ");

    @TempDir
    Path dir;

    @Test
    void storesAFiveMegabytePage() throws Exception {
        try (TestKafka kafka = TestKafka.start(); FixtureSite site = new FixtureSite()) {
            site.add("/big/feed.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <rss version="2.0"><channel><title>Big</title><link>{{base}}/</link><description>d</description>
                    <item><title>A very long report</title><link>{{base}}/big/report.html</link></item>
                    </channel></rss>""");
            String page = bigPage(5 * 1024 * 1024);
            site.add("/big/report.html", page);
            Path feeds = Files.writeString(dir.resolve("feeds.yml"),
                    "feeds:\n  - url: " + site.base() + "/big/feed.xml\n    name: Big\n");
            String db = "jdbc:sqlite:" + dir.resolve("news.db");

            Cli.Result run = Cli.execute("run", "--once", "--feeds", feeds.toString(), "--store", db,
                    "--bootstrap-servers", kafka.bootstrapServers(), "--allow-private-addresses", "--per-host-delay", "PT0S");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("stored     1 new");
            List<JsonNode> rows = Cli.export(db);
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).get("text").asText().length()).isGreaterThan(4 * 1024 * 1024);
        }
    }

    private static String bigPage(int bytes) {
        Random random = new Random(42);
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>A very long report</title></head><body><nav><a href=\"/\">Home</a></nav><article>");
        while (html.length() < bytes) {
            html.append("<p>");
            for (int i = 0; i < 40; i++) {
                html.append(WORDS[random.nextInt(WORDS.length)]).append(i % 9 == 8 ? ", " : " ");
            }
            html.append("end.</p>\n");
        }
        return html.append("</article><footer>Footer</footer></body></html>").toString();
    }
}
