package io.newsmon.ingest.kafka;

import io.newsmon.ingest.IngestMetrics;
import io.newsmon.ingest.IngestReport;
import io.newsmon.ingest.IngestSettings;
import io.newsmon.ingest.Ingester;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsmon.ingest.config.FeedSource;
import io.newsmon.ingest.fetch.FetchSettings;
import io.newsmon.ingest.fetch.HttpFetcher;
import io.newsmon.ingest.politeness.PolitenessSettings;
import io.newsmon.kafka.KafkaSettings;
import io.newsmon.kafka.KafkaTopicAdmin;
import io.newsmon.kafka.KafkaTopics;
import io.newsmon.model.FeedState;
import io.newsmon.testkit.TestKafka;
import io.newsmon.testkit.TopicContents;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** IngestService on a real broker: state that survives restarts, and feeds shared by instances. */
class IngestServiceIT {
    private static TestKafka kafka;
    private static HttpServer server;
    private static final Map<String, AtomicInteger> notModified = new ConcurrentHashMap<>();

    private KafkaSettings settings;

    @BeforeAll
    static void startAll() throws IOException {
        kafka = TestKafka.start();
        // The wildcard address, so that every 127.0.0.x is a host of its own for politeness and partitioning.
        server = HttpServer.create(new InetSocketAddress(0), 0);
        server.createContext("/", IngestServiceIT::serve);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    @AfterAll
    static void stopAll() {
        server.stop(0);
        kafka.close();
    }

    @BeforeEach
    void freshTopics() {
        // The topics are shared by the tests, so each test uses feeds of its own.
        settings = new KafkaSettings(kafka.bootstrapServers(), "it");
        try (KafkaTopicAdmin admin = new KafkaTopicAdmin(settings)) {
            admin.ensureTopics(KafkaTopics.all(List.of()));
        }
    }

    @Test
    void aRestartOverUnchangedFeedsPublishesNothingAndSendsTheKeptValidators() {
        List<FeedSource> feeds = List.of(feed(1, "restart-a"), feed(1, "restart-b"));

        IngestReport first;
        try (IngestService service = service(feeds)) {
            first = service.pollOnce();
        }
        Map<TopicPartition, Long> rawBefore = TopicContents.endOffsets(kafka.bootstrapServers(), KafkaTopics.RAW);
        IngestReport second;
        try (IngestService service = service(feeds)) {
            second = service.pollOnce();
        }
        assertThat(TopicContents.endOffsets(kafka.bootstrapServers(), KafkaTopics.RAW)).as("nothing published to news.raw")
                .isEqualTo(rawBefore);
        assertThat(rawBefore.values().stream().mapToLong(Long::longValue).sum()).as("the first run published")
                .isGreaterThanOrEqualTo(6);

        assertThat(first.pagesFetched()).isEqualTo(6);
        assertThat(second.pagesFetched()).isZero();
        assertThat(second.feedsNotModified()).isEqualTo(2);
        assertThat(notModified.get("/restart-a/feed.xml").get()).isEqualTo(1);
        Map<String, FeedState> states = IngestService.feedStates(settings, Duration.ofSeconds(30));
        assertThat(states.get(feeds.get(0).url()).etag()).isEqualTo("\"restart-a\"");
        assertThat(states.get(feeds.get(0).url()).articlesPublished()).isEqualTo(3);
    }

    @Test
    void twoInstancesShareTheFeedsWithAllFeedsOfOneHostOnOneInstance() throws Exception {
        List<FeedSource> feeds = new ArrayList<>();
        for (int host = 11; host <= 18; host++) {
            feeds.add(feed(host, "share-a"));
            feeds.add(feed(host, "share-b"));
        }
        MeterRegistry metersOfA = new SimpleMeterRegistry();
        // two processes of the stage: each has an instance id of its own
        try (IngestService a = service(feeds, metersOfA, "a"); IngestService b = service(feeds, new SimpleMeterRegistry(), "b")) {
            awaitSplit(a, b, feeds);
            assertThat(a.feedHealth().neverPolled()).isEqualTo(a.assignedFeeds().size());
            Set<String> hostsOfA = hosts(a.assignedFeeds());
            Set<String> hostsOfB = hosts(b.assignedFeeds());

            assertThat(a.assignedFeeds()).isNotEmpty();
            assertThat(b.assignedFeeds()).isNotEmpty();
            assertThat(hostsOfA).doesNotContainAnyElementsOf(hostsOfB);

            IngestReport ra = a.pollOnce();
            IngestReport rb = b.pollOnce();
            assertThat(ra.feeds() + rb.feeds()).isEqualTo(feeds.size());
            assertThat(ra.pagesFetched() + rb.pagesFetched()).isEqualTo(feeds.size() * 3);
            // each instance reports the health of its own feeds only
            assertThat(a.feedHealth().ok() + b.feedHealth().ok()).isEqualTo(feeds.size());
            assertThat(a.feedHealth().feeds()).isEqualTo(a.assignedFeeds().size());
            assertThat(metersOfA.get(IngestMetrics.FEEDS).tag("health", "ok").gauge().value())
                    .isEqualTo(a.assignedFeeds().size());
            assertThat(a.silentFeeds()).isEmpty();
            assertThat(b.silentFeeds()).isEmpty();
        }
    }

    private static void awaitSplit(IngestService a, IngestService b, List<FeedSource> feeds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            List<FeedSource> ofA = a.assignedFeeds();
            List<FeedSource> ofB = b.assignedFeeds();
            Set<FeedSource> union = new HashSet<>(ofA);
            union.addAll(ofB);
            if (!ofA.isEmpty() && !ofB.isEmpty() && union.size() == feeds.size() && ofA.size() + ofB.size() == feeds.size()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the two instances did not split the feeds within 60 s: " + a.assignedFeeds().size()
                + " and " + b.assignedFeeds().size());
    }

    private static Set<String> hosts(List<FeedSource> feeds) {
        return feeds.stream().map(feed -> URI.create(feed.url()).getHost()).collect(Collectors.toSet());
    }

    private IngestService service(List<FeedSource> feeds) {
        return service(feeds, new SimpleMeterRegistry());
    }

    private IngestService service(List<FeedSource> feeds, MeterRegistry meters) {
        return service(feeds, meters, null);
    }

    private IngestService service(List<FeedSource> feeds, MeterRegistry meters, String instanceId) {
        Ingester ingester = new Ingester(new HttpFetcher(FetchSettings.defaults().withAllowPrivateAddresses(true)),
                PolitenessSettings.defaults().withPerHostDelay(Duration.ZERO), IngestSettings.defaults(), Clock.systemUTC(),
                meters);
        return new IngestService(settings.withInstanceId(instanceId), ingester, feeds, Clock.systemUTC());
    }

    private static FeedSource feed(int host, String name) {
        return FeedSource.feed("http://127.0.0." + host + ":" + server.getAddress().getPort() + "/" + name + "/feed.xml");
    }

    /** /NAME/feed.xml lists /NAME/1..3.html with ETag "NAME"; the pages are HTML. */
    private static void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String[] parts = path.split("/");
            if (parts.length == 3 && parts[2].equals("feed.xml")) {
                feed(exchange, parts[1]);
            } else if (parts.length == 3 && parts[2].endsWith(".html")) {
                send(exchange, 200, "text/html", "<html><body><p>Page " + path + "</p></body></html>");
            } else {
                send(exchange, 404, "text/plain", "not found");
            }
        }
    }

    private static void feed(HttpExchange exchange, String name) throws IOException {
        String etag = "\"" + name + "\"";
        exchange.getResponseHeaders().add("ETag", etag);
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            notModified.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new AtomicInteger()).incrementAndGet();
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        String base = "http://" + exchange.getRequestHeaders().getFirst("Host") + "/" + name + "/";
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            items.append("<item><title>").append(name).append(' ').append(i).append("</title><link>").append(base).append(i)
                    .append(".html</link></item>");
        }
        send(exchange, 200, "application/rss+xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>" + name
                + "</title><link>" + base + "</link><description>d</description>" + items + "</channel></rss>");
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
