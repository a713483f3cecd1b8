package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.store.jdbc.ArticleStore;
import io.newsmon.testkit.TestKafka;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each stage as its own process against one broker, as docker-compose runs them (store configured through
 * the environment alone), each serving /metrics and /health.
 */
class SeparateStagesIT {
    @TempDir
    Path workDir;

    @Test
    void ingestEnrichAndStoreProcessesTogetherStoreTheSiteServeMetricsAndHealthAndStopOnSigterm() throws Exception {
        try (TestKafka kafka = TestKafka.start(); FixtureSite site = new FixtureSite()) {
            String bootstrap = kafka.bootstrapServers();
            String db = "jdbc:sqlite:" + workDir.resolve("news.db");
            Path feeds = site.writeResource("/feeds.yml", workDir);
            Path topics = site.writeResource("/topics.yml", workDir);

            int enrichPort = freePort();
            int storePort = freePort();
            int ingestPort = freePort();
            NewsmonJar.Running enrich = NewsmonJar.start(workDir, "enrich", "--bootstrap-servers", bootstrap,
                    "--topics", topics.toString(), "--metrics-port", String.valueOf(enrichPort));
            // configured as docker-compose configures it: through the environment alone
            NewsmonJar.Running store = NewsmonJar.start(workDir, Map.of("NEWSMON_BOOTSTRAP_SERVERS", bootstrap,
                    "NEWSMON_STORE", db, "NEWSMON_METRICS_PORT", String.valueOf(storePort), "NEWSMON_LOG_FORMAT", "json"),
                    "store");
            NewsmonJar.Running ingest = NewsmonJar.start(workDir, "ingest", "--bootstrap-servers", bootstrap,
                    "--feeds", feeds.toString(), "--allow-private-addresses", "--per-host-delay", "PT0S",
                    "--metrics-port", String.valueOf(ingestPort));
            try {
                assertThat(awaitRows(db, 6, Duration.ofSeconds(90))).as(store.errText()).isGreaterThanOrEqualTo(6);
                Settled.await(bootstrap, Duration.ofSeconds(60));
                assertThat(rows(db)).as("every page processed: exactly the site's articles").isEqualTo(6);

                String ingestMetrics = get(ingestPort, "/metrics").body();
                assertThat(ingestMetrics).contains("newsmon_ingest_pages_total 6.0").contains("jvm_memory_used_bytes");
                assertThat(get(enrichPort, "/metrics").body()).contains("newsmon_enrich_articles_total")
                        .contains("newsmon_consumer_lag{stage=\"enrich\"}");
                assertThat(get(storePort, "/metrics").body()).contains("newsmon_store_rows_total 6.0")
                        .containsPattern("(?m)^newsmon_pipeline_freshness_seconds_count 6$");
                for (int port : List.of(ingestPort, enrichPort, storePort)) {
                    HttpResponse<String> health = get(port, "/health");
                    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
                    assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"broker\":{");
                }
                assertThat(get(storePort, "/health").body()).contains("\"database\":{");
                assertThat(get(ingestPort, "/health").body()).contains("\"feeds\":{");
            } finally {
                ingest.process().destroy();
                enrich.process().destroy();
                store.process().destroy();
            }
            assertThat(ingest.process().waitFor(30, TimeUnit.SECONDS)).as("ingest stops on SIGTERM").isTrue();
            assertThat(enrich.process().waitFor(30, TimeUnit.SECONDS)).as("enrich stops on SIGTERM").isTrue();
            assertThat(store.process().waitFor(30, TimeUnit.SECONDS)).as("store stops on SIGTERM").isTrue();
            // NEWSMON_LOG_FORMAT=json: every line the store wrote is one JSON object
            assertThat(store.errText().lines().toList()).isNotEmpty()
                    .allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits until there are {@code expected} rows at least; how many there are then. */
    private static long awaitRows(String db, long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long rows = 0;
        while (System.nanoTime() < deadline) {
            rows = rows(db);
            if (rows >= expected) {
                return rows;
            }
            Thread.sleep(500);
        }
        return rows;
    }

    private static long rows(String db) {
        try (ArticleStore store = ArticleStore.open(db)) {
            return store.count();
        }
    }
}
