package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsmon.kafka.DeadLetterLog;
import io.newsmon.kafka.KafkaSettings;
import io.newsmon.kafka.TopicAdmin;
import io.newsmon.kafka.Topics;
import io.newsmon.model.EnrichedArticle;
import io.newsmon.model.TopicTag;
import io.newsmon.store.jdbc.ArticleStore;
import io.newsmon.store.jdbc.ExportQuery;
import io.newsmon.testkit.TcpProxy;
import io.newsmon.testkit.TestPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault-injection suite: the broker and the three stages as separate processes of the runnable jar,
 * a local site of many articles, and PostgreSQL behind a proxy the test controls. While the site is
 * ingested, each stage is killed with SIGKILL and restarted, the broker is restarted, the database is cut
 * away, and poison records are injected, at random moments (the seed is printed). At the end it counts: every article the site served is stored
 * exactly once, every poison record is in the dead-letter topic, and each {@code news.topic.<id>} read with
 * {@code read_committed} holds each tagged article exactly once. It prints the figures of the run.
 *
 * <p>The short form (the default, part of {@code verify}) serves 240 articles and kills each stage once;
 * {@code -Dnewsmon.faults=full} serves 3,000, kills each stage three times and cuts the database for
 * 30 s: {@code ./mvnw -B verify -pl app -am -Dtest=NONE -Dit.test=FaultSuiteIT -Dnewsmon.faults=full
 * -Dsurefire.failIfNoSpecifiedTests=false}. It needs PostgreSQL (Testcontainers or the local server) and
 * skips, saying so, without it.
 */
class FaultSuiteIT {
    private static final boolean FULL = "full".equals(System.getProperty("newsmon.faults"));
    private static final int FEEDS = FULL ? 20 : 6;
    private static final int ARTICLES_PER_FEED = FULL ? 150 : 40;
    private static final int KILL_ROUNDS = FULL ? 3 : 1;
    private static final Duration OUTAGE = FULL ? Duration.ofSeconds(30) : Duration.ofSeconds(6);
    /** Ingest's delay between two fetches of the one host: it spreads the work over the faults (60 s short, 240 s full). */
    private static final Duration FETCH_DELAY = Duration.ofMillis(FULL ? 80 : 250);
    /** The mean time between two faults; each wait is drawn between half and one and a half of it. */
    private static final Duration BETWEEN_FAULTS = Duration.ofSeconds(FULL ? 12 : 7);
    /** The seed of the fault moments: printed with the figures, {@code -Dnewsmon.faults.seed=N} repeats a run. */
    private static final long SEED = Long.getLong("newsmon.faults.seed", System.nanoTime());
    private static final List<String> POISON_RAW = List.of("poison-raw-1", "poison-raw-2");
    private static final List<String> POISON_ENRICHED = List.of("poison-enriched-1");

    @TempDir
    Path dir;

    private final List<String> events = new ArrayList<>();
    private final SplittableRandom moments = new SplittableRandom(SEED);

    @Test
    void killsRestartsAndOutagesLoseNothingAndStoreNothingTwice() throws Exception {
        TestPostgres postgres = TestPostgres.start();
        Assumptions.assumeTrue(postgres != null, TestPostgres::whyUnavailable);
        int brokerPort = freePort();
        String bootstrap = "127.0.0.1:" + brokerPort;
        try (postgres; Site site = new Site(FEEDS, ARTICLES_PER_FEED);
             TestPostgres.Proxied proxied = postgres.proxied();
             ArticleStore direct = ArticleStore.open(postgres.jdbcUrl())) {
            TcpProxy proxy = proxied.proxy();
            String storeUrl = proxied.jdbcUrl();
            Path feeds = site.writeFeedsFile(dir);
            Map<String, Stage> stages = new HashMap<>();
            Stage broker = new Stage("broker", "broker", "--data-dir", dir.resolve("broker").toString(), "--port",
                    String.valueOf(brokerPort));
            broker.start();
            broker.awaitOutput("listening on", Duration.ofSeconds(60));
            long started = System.nanoTime();
            stages.put("enrich", new Stage("enrich", "enrich", "--bootstrap-servers", bootstrap));
            stages.put("store", new Stage("store", "store", "--bootstrap-servers", bootstrap, "--store", storeUrl));
            stages.put("ingest", new Stage("ingest", "ingest", "--bootstrap-servers", bootstrap, "--feeds",
                    feeds.toString(), "--allow-private-addresses", "--per-host-delay", FETCH_DELAY.toString(),
                    "--poll-interval", "PT2S", "--min-poll-interval", "PT1S", "--max-poll-interval", "PT5S"));
            try {
                stages.get("enrich").start();
                stages.get("store").start();
                awaitTopics(bootstrap);
                injectPoison(bootstrap);
                stages.get("ingest").start();
                waitForNextFault();
                proxy.cut();
                long cut = System.nanoTime();
                Thread.sleep(OUTAGE.toMillis());
                long atRestore = direct.count();
                proxy.restore();
                long restored = System.nanoTime();
                recovered(direct, atRestore, site.total(), restored,
                        String.format(Locale.ROOT, "cut the database away for %.0f s", (restored - cut) / 1e9));

                int kills = 0;
                for (int round = 0; round < KILL_ROUNDS; round++) {
                    for (String name : List.of("enrich", "store", "ingest")) {
                        waitForNextFault();
                        long before = direct.count();
                        stages.get(name).kill();
                        kills++;
                        stages.get(name).start();
                        long killed = System.nanoTime();
                        recovered(direct, before, site.total(), killed, "killed " + name + " with SIGKILL and restarted it");
                    }
                }
                waitForNextFault();
                long before = direct.count();
                broker.stop();
                broker.start();
                broker.awaitOutput("listening on", Duration.ofSeconds(60));
                recovered(direct, before, site.total(), System.nanoTime(), "restarted the broker");

                awaitCount(direct, site.total(), Duration.ofSeconds(FULL ? 600 : 240), "every article stored");
                long storedAll = System.nanoTime();
                List<EnrichedArticle> stored = new ArrayList<>();
                direct.export(ExportQuery.ALL, stored::add);
                Set<String> storedUrls = new HashSet<>();
                stored.forEach(article -> storedUrls.add(article.url()));
                Set<String> served = site.servedUrls();
                Map<String, List<String>> topicKeys = topicKeys(bootstrap, stored);
                List<DeadLetterLog.Entry> letters = DeadLetterLog.read(new KafkaSettings(bootstrap, "fault-check"),
                        Duration.ofSeconds(60));

                System.out.println("fault suite (" + (FULL ? "full" : "short") + " form, seed " + SEED + "):");
                events.forEach(event -> System.out.println("  " + event));
                System.out.printf(Locale.ROOT, "  articles served %d, stored %d, duplicate rows %d, lost %d, kills"
                                + " survived %d, broker restarts 1, database outages 1, poison records %d in the DLQ"
                                + " (%d dead letters in all), all stored after %.0f s%n",
                        served.size(), stored.size(), stored.size() - storedUrls.size(),
                        served.stream().filter(url -> !storedUrls.contains(url)).count(), kills,
                        letters.stream().filter(l -> l.letter() != null && isPoison(l.letter().key())).count(),
                        letters.size(), (storedAll - started) / 1e9);
                topicKeys.forEach((topic, keys) -> System.out.printf("  %s: %d records, %d distinct%n", topic,
                        keys.size(), new HashSet<>(keys).size()));

                assertThat(served).as("the site served every article").hasSize(site.total());
                assertThat(storedUrls).as("every served article stored").containsAll(served);
                assertThat(stored).as("each once").hasSize(storedUrls.size()).hasSize(site.total());
                assertThat(letters).extracting(l -> l.letter() == null ? null : l.letter().key())
                        .containsAll(POISON_RAW).containsAll(POISON_ENRICHED);
                assertThat(topicKeys).isNotEmpty();
                topicKeys.forEach((topic, keys) -> assertThat(keys).as(topic + " holds each article once")
                        .doesNotHaveDuplicates());
                for (Map.Entry<String, List<String>> topic : topicKeys.entrySet()) {
                    String tag = topic.getKey().substring(Topics.TOPIC_PREFIX.length());
                    Set<String> tagged = new HashSet<>();
                    stored.stream().filter(a -> a.duplicateOf() == null && a.topicIds().contains(tag))
                            .forEach(a -> tagged.add(a.id()));
                    assertThat(new HashSet<>(topic.getValue())).as(topic.getKey() + " holds every tagged article")
                            .isEqualTo(tagged);
                }
            } finally {
                for (Stage stage : stages.values()) {
                    stage.stop();
                }
                broker.stop();
            }
        }
    }

    /** Sleeps a random time around {@link #BETWEEN_FAULTS}, so that faults hit the stages at random moments. */
    private void waitForNextFault() throws InterruptedException {
        long mean = BETWEEN_FAULTS.toMillis();
        Thread.sleep(mean / 2 + moments.nextLong(mean));
    }

    /** Waits until rows grow past {@code before} (unless all are stored) and records how long that took. */
    private void recovered(ArticleStore store, long before, long total, long since, String fault)
            throws InterruptedException {
        if (before >= total) {
            event("%s at %d of %d rows: nothing was left to do", fault, before, total);
            return;
        }
        awaitCount(store, before + 1, Duration.ofSeconds(240), "after: " + fault);
        event("%s at %d of %d rows; rows grew again %.1f s later", fault, before, total, seconds(since));
    }

    private static boolean isPoison(String key) {
        return key != null && key.startsWith("poison-");
    }

    private void event(String format, Object... args) {
        events.add(String.format(Locale.ROOT, format, args));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Waits until the stages have created the pipeline's topics. */
    private static void awaitTopics(String bootstrap) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                Set<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                if (names.containsAll(List.of(Topics.RAW, Topics.ENRICHED, Topics.DLQ, Topics.FINGERPRINTS))) {
                    return;
                }
            } catch (Exception e) {
                // not yet
            }
            assertThat(System.nanoTime()).as("the stages created their topics").isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    private static void injectPoison(String bootstrap) throws Exception {
        KafkaSettings settings = new KafkaSettings(bootstrap, "fault-poison");
        try (var producer = new KafkaProducer<String, byte[]>(settings.producer())) {
            for (String key : POISON_RAW) {
                producer.send(new ProducerRecord<>(Topics.RAW, key, "{not json".getBytes(StandardCharsets.UTF_8))).get();
            }
            for (String key : POISON_ENRICHED) {
                producer.send(new ProducerRecord<>(Topics.ENRICHED, key,
                        "{\"schemaVersion\":3,\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8))).get();
            }
        }
    }

    private static void awaitCount(ArticleStore store, long expected, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (store.count() < expected) {
            assertThat(System.nanoTime()).as("%d rows within %s (%s)", expected, timeout, what).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    /** The keys of every {@code news.topic.<id>} record, read {@code read_committed} from the start. */
    private static Map<String, List<String>> topicKeys(String bootstrap, List<EnrichedArticle> stored)
            throws Exception {
        Set<String> tags = new HashSet<>();
        stored.forEach(article -> article.topics().stream().map(TopicTag::id).forEach(tags::add));
        Map<String, List<String>> keys = new HashMap<>();
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, "group.id", "fault-check",
                "auto.offset.reset", "earliest", "isolation.level", "read_committed");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<String> topics = tags.stream().map(Topics::forTag).toList();
            consumer.subscribe(topics);
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(r ->
                        keys.computeIfAbsent(r.topic(), t -> new ArrayList<>()).add(r.key()));
            }
        }
        return keys;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** One process of the jar that the suite starts, kills and restarts. */
    private final class Stage {
        private final String name;
        private final String[] args;
        private NewsmonJar.Running running;

        Stage(String name, String... args) {
            this.name = name;
            this.args = args;
        }

        void start() throws IOException {
            running = NewsmonJar.start(dir, args);
        }

        /** SIGKILL, and waits until it is gone. */
        void kill() throws InterruptedException {
            running.process().destroyForcibly();
            assertThat(running.process().waitFor(30, TimeUnit.SECONDS)).as(name + " dies on SIGKILL").isTrue();
        }

        /** SIGTERM, and waits until it has stopped (SIGKILL after 60 s). */
        void stop() throws InterruptedException {
            if (running == null || !running.process().isAlive()) {
                return;
            }
            running.process().destroy();
            if (!running.process().waitFor(60, TimeUnit.SECONDS)) {
                running.process().destroyForcibly();
            }
        }

        void awaitOutput(String text, Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!Files.readString(running.out(), StandardCharsets.UTF_8).contains(text)) {
                assertThat(running.process().isAlive()).as(name + " is running: " + running.errText()).isTrue();
                assertThat(System.nanoTime()).as(name + " printed \"" + text + "\"").isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    /**
     * The local site: {@code /feeds/F.xml} lists the articles of feed F as RSS, {@code /articles/A.html} is
     * article A, with text of its own (seeded random words, every third one about Huawei and the Entity
     * List, so that topics are tagged).
     */
    private static final class Site implements AutoCloseable {
        private static final String[] WORDS = ("harbour council budget river station market report minister"
                + " vote plan north south bridge school season storm rail trade court judge ruling network tower"
                + " farm supply winter summer festival museum library factory port airport weather forecast"
                + " election district county street hospital clinic energy grid water bus route price wage").split(" ");
        private final HttpServer server;
        private final int feeds;
        private final int perFeed;
        private final Set<String> served = java.util.concurrent.ConcurrentHashMap.newKeySet();

        Site(int feeds, int perFeed) throws IOException {
            this.feeds = feeds;
            this.perFeed = perFeed;
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::serve);
            server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
            server.start();
        }

        int total() {
            return feeds * perFeed;
        }

        String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        Set<String> servedUrls() {
            return Set.copyOf(served);
        }

        Path writeFeedsFile(Path dir) throws IOException {
            StringBuilder yaml = new StringBuilder("feeds:\n");
            for (int f = 0; f < feeds; f++) {
                yaml.append("  - url: \"").append(base()).append("/feeds/").append(f).append(".xml\"\n")
                        .append("    name: Feed ").append(f).append('\n');
            }
            return Files.writeString(dir.resolve("feeds.yml"), yaml);
        }

        private void serve(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            String body;
            String type = "text/html; charset=utf-8";
            if (path.startsWith("/feeds/")) {
                body = feed(Integer.parseInt(path.substring(7, path.indexOf(".xml"))));
                type = "application/rss+xml; charset=utf-8";
            } else if (path.startsWith("/articles/")) {
                int article = Integer.parseInt(path.substring(10, path.indexOf(".html")));
                body = article(article);
                served.add(base() + path);
            } else if (path.equals("/robots.txt")) {
                body = "User-agent: *\nAllow: /\n";
                type = "text/plain";
            } else {
                body = null;
            }
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        }

        private String feed(int feed) {
            StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\">"
                    + "<channel><title>Feed " + feed + "</title><link>" + base() + "/</link><description>d</description>");
            for (int i = 0; i < perFeed; i++) {
                int article = feed * perFeed + i;
                rss.append("<item><title>Article ").append(article).append("</title><link>").append(base())
                        .append("/articles/").append(article).append(".html</link><guid isPermaLink=\"false\">a")
                        .append(article).append("</guid></item>");
            }
            return rss.append("</channel></rss>").toString();
        }

        private String article(int article) {
            SplittableRandom random = new SplittableRandom(article * 7919L + 17);
            StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><title>Article ")
                    .append(article).append(" | Fault Site</title></head><body><nav><a href=\"/\">Home</a></nav>"
                            + "<article><h1>Article ").append(article).append("</h1>");
            for (int p = 0; p < 5; p++) {
                html.append("<p>");
                if (p == 0 && article % 3 == 0) {
                    html.append("Huawei said the Commerce Department kept it on the Entity List, and Huawei will"
                            + " appeal, article ").append(article).append(". ");
                }
                for (int w = 0; w < 40; w++) {
                    html.append(WORDS[random.nextInt(WORDS.length)]).append(w % 9 == 8 ? ", " : " ");
                }
                html.append("end of paragraph ").append(p).append(" of article ").append(article).append(".</p>");
            }
            return html.append("</article><footer>Fault Site</footer></body></html>").toString();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
