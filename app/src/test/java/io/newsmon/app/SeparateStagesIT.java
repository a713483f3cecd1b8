package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.store.jdbc.ArticleStore;
import io.newsmon.testkit.TestKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each stage as its own process against one broker, as docker-compose runs them. */
class SeparateStagesIT {
    @TempDir
    Path workDir;

    @Test
    void ingestEnrichAndStoreProcessesTogetherStoreTheSiteAndStopOnSigterm() throws Exception {
        try (TestKafka kafka = TestKafka.start(); FixtureSite site = new FixtureSite()) {
            String bootstrap = kafka.bootstrapServers();
            String db = "jdbc:sqlite:" + workDir.resolve("news.db");
            Path feeds = site.writeResource("/feeds.yml", workDir);
            Path topics = site.writeResource("/topics.yml", workDir);

            NewsmonJar.Running enrich = NewsmonJar.start(workDir, "enrich", "--bootstrap-servers", bootstrap,
                    "--topics", topics.toString());
            NewsmonJar.Running store = NewsmonJar.start(workDir, "store", "--bootstrap-servers", bootstrap, "--store", db);
            try {
                NewsmonJar.Result ingest = NewsmonJar.run(workDir, "ingest", "--once", "--bootstrap-servers", bootstrap,
                        "--feeds", feeds.toString(), "--allow-private-addresses", "--per-host-delay", "PT0S");
                assertThat(ingest.exitCode()).as(ingest.err()).isZero();

                assertThat(awaitRows(db, 6, Duration.ofSeconds(90))).as(store.errText()).isEqualTo(6);
            } finally {
                enrich.process().destroy();
                store.process().destroy();
            }
            assertThat(enrich.process().waitFor(30, TimeUnit.SECONDS)).as("enrich stops on SIGTERM").isTrue();
            assertThat(store.process().waitFor(30, TimeUnit.SECONDS)).as("store stops on SIGTERM").isTrue();
        }
    }

    private static long awaitRows(String db, long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long rows = 0;
        while (System.nanoTime() < deadline) {
            try (ArticleStore store = ArticleStore.open(db)) {
                rows = store.count();
            }
            if (rows >= expected) {
                return rows;
            }
            Thread.sleep(500);
        }
        return rows;
    }
}
