package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.testkit.TestKafka;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --metrics-port}: the running pipeline's /metrics and /health, scraped and checked. */
class MetricsIT {
    private static final Pattern ROWS = Pattern.compile("(?m)^newsmon_store_rows_total(?:\\{[^}]*})? (\\d+)\\.0$");

    @TempDir
    Path dir;

    @Test
    void aRunningPipelineServesItsCountersJvmMetersAndHealth() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        HttpClient http = HttpClient.newHttpClient();
        try (TestKafka kafka = TestKafka.start(); FixtureSite site = new FixtureSite()) {
            Path feeds = site.writeResource("/feeds.yml", dir);
            // a feed URL with credentials, which the site ignores: they must show masked in every feed tag
            Files.writeString(feeds, Files.readString(feeds).replaceFirst("\"http://(127\\.0\\.0\\.1:\\d+/feeds/rss\\.xml)\"",
                    "\"http://reader:PASSWORD@$1?token=TOKEN9\""));
            AtomicReference<Cli.Result> result = new AtomicReference<>();
            Thread run = new Thread(() -> result.set(Cli.execute("run", "--feeds", feeds.toString(), "--store",
                    "jdbc:sqlite:" + dir.resolve("news.db"), "--bootstrap-servers", kafka.bootstrapServers(),
                    "--allow-private-addresses", "--per-host-delay", "PT0S", "--metrics-port", String.valueOf(port))));
            run.start();
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                String metrics = "";
                while (rows(metrics) < 6) {
                    assertThat(System.nanoTime()).as("6 rows counted in /metrics: " + metrics).isLessThan(deadline);
                    assertThat(run.isAlive()).as("run is running: " + result.get()).isTrue();
                    Thread.sleep(500);
                    metrics = scrape(http, port, "/metrics");
                }
                Settled.await(kafka.bootstrapServers(), Duration.ofSeconds(60));
                metrics = scrape(http, port, "/metrics");
                assertThat(rows(metrics)).as("every page processed: exactly the site's articles").isEqualTo(6);
                assertThat(metrics).contains("newsmon_enrich_articles_total").contains("newsmon_enrich_duplicates_total 1.0")
                        .contains("newsmon_ingest_pages_total 6.0").contains("newsmon_ingest_polls_total")
                        .contains("jvm_memory_used_bytes");
                // every new row says how fresh it was; one write at least was timed; lag is served per stage
                // the store stage counts a batch's rows just after timing its write: wait until both agree
                while (value(metrics, "newsmon_pipeline_freshness_seconds_count") != rows(metrics)) {
                    assertThat(System.nanoTime()).as("freshness counted for each row: " + metrics).isLessThan(deadline);
                    Thread.sleep(200);
                    metrics = scrape(http, port, "/metrics");
                }
                assertThat(value(metrics, "newsmon_pipeline_freshness_seconds_count")).isEqualTo(rows(metrics));
                assertThat(value(metrics, "newsmon_pipeline_freshness_seconds_max")).isPositive().isLessThan(120);
                assertThat(value(metrics, "newsmon_store_write_latency_seconds_count")).isPositive();
                assertThat(metrics).contains("newsmon_consumer_lag{stage=\"enrich\"}")
                        .contains("newsmon_consumer_lag{stage=\"store\"}");
                assertThat(metrics).containsPattern("newsmon_enrich_tagged_total\\{topic=\"[a-z0-9-]+\"} [1-9]");
                // per feed: fetches by target and outcome, bytes and latency; feeds by health, none silent
                assertThat(metrics)
                        .containsPattern("newsmon_ingest_fetches_total\\{feed=\"http://127\\.0\\.0\\.1:\\d+/[^\"]+\",outcome=\"ok\",target=\"page\"} [1-9]")
                        .containsPattern("newsmon_ingest_fetch_bytes_sum\\{feed=\"[^\"]+\",target=\"feed\"} [1-9]")
                        .containsPattern("newsmon_ingest_fetch_latency_seconds_count\\{feed=\"[^\"]+\",target=\"feed\"} [1-9]")
                        .containsPattern("newsmon_ingest_feeds\\{health=\"ok\"} [1-9]")
                        .contains("newsmon_ingest_feeds_silent 0.0");
                assertThat(metrics).doesNotContain("PASSWORD", "TOKEN9").containsPattern(
                        "newsmon_ingest_fetches_total\\{feed=\"http://reader:\\*\\*\\*@127\\.0\\.0\\.1:\\d+/feeds/rss\\.xml\\?token=\\*\\*\\*\",outcome=\"ok\",target=\"feed\"} [1-9]");

                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"broker\":{")
                        .contains(kafka.bootstrapServers()).contains("\"database\":{").contains("jdbc:sqlite:")
                        .contains("\"feeds\":{").doesNotContain("PASSWORD");
            } finally {
                run.interrupt();
                run.join(Duration.ofSeconds(60));
            }
            assertThat(run.isAlive()).as("run stops when interrupted").isFalse();
        }
    }

    private static long rows(String metrics) {
        Matcher matcher = ROWS.matcher(metrics);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }

    /** The value of the first sample of {@code name} (without labels), or -1 when absent. */
    private static double value(String metrics, String name) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\S+)$").matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
    }

    private static String scrape(HttpClient http, int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return "";
        }
    }
}
