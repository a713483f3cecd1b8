package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsmon.kafka.DeadLetterLog;
import io.newsmon.kafka.KafkaSettings;
import io.newsmon.kafka.KafkaTopics;
import io.newsmon.model.DeadLetter;
import io.newsmon.model.EnrichedArticle;
import io.newsmon.model.Json;
import io.newsmon.model.TopicTag;
import io.newsmon.store.jdbc.ArticleStore;
import io.newsmon.store.jdbc.ExportQuery;
import io.newsmon.testkit.TcpProxy;
import io.newsmon.testkit.TestPostgres;
import io.newsmon.testkit.TopicContents;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault-injection suite: the broker and the three stages as separate processes of the runnable jar,
 * a local site that keeps publishing articles, and PostgreSQL behind a proxy the test controls. While the
 * site is ingested, faults come one after the other at random moments (the seed is printed): SIGKILL and
 * restart of each stage, SIGTERM (waiting for the exit) and restart of enrich and of store, a cut of the
 * database (with poison records injected while it is away) and a restart of the broker. Each fault first
 * waits (up to {@link #IN_FLIGHT_WAIT}) until work is in flight, an article served to ingest and not yet
 * stored, so that it hits a pipeline at work rather than an idle one; its event says how many articles
 * were in flight. A fault of enrich then waits (a few seconds at most) until a transaction is open on the
 * topics readers consume, so that it rather hits enrich inside a batch than between two.
 *
 * <p>Each fault is measured from its restart (the database's return, the broker listening again) as a
 * reader sees it:
 * <ul>
 *   <li><b>readers</b>: until the {@code read_committed} end (last stable offset) of every partition of
 *       {@value KafkaTopics#RAW}, {@value KafkaTopics#ENRICHED}, {@value KafkaTopics#DUPLICATES} and each
 *       {@code news.topic.<id>} has reached the high watermark it had at the restart, so that everything
 *       written before the fault is committed or aborted and readers are not held back by it;</li>
 *   <li><b>stored</b>: until every article the site had served before the fault is in the database;</li>
 *   <li><b>flowing</b>: until an article the site first served after the restart is in the database, so
 *       that new work flows end to end again (what a fault of ingest costs shows here; rows of articles
 *       still in flight cannot satisfy it).</li>
 * </ul>
 * The suite waits for all three (up to {@link #RECOVERY_WAIT}) before the next fault, so that faults do
 * not overlap and each one hits a pipeline at work. At the end it prints every fault and, per kind, the
 * distribution of the three figures. Once every article is stored it waits until enrich and store have
 * committed everything published ({@link Settled}), so that nothing counted is still to come, and asserts
 * only what must hold: every article the site published is stored exactly once, every poison record is in
 * the dead-letter topic, no record is dead-lettered twice by one stage, each {@code news.topic.<id>} (each
 * one on the broker and each tag of a stored article) read {@code read_committed} holds exactly the stored
 * originals tagged with it, each once (a topic that received nothing fails unless no original has its tag),
 * and some fault struck with work in flight (those that did not are printed). Speed is printed, never
 * asserted.
 *
 * <p>The short form (the default, part of {@code verify}) runs each kind of fault once, in about three
 * minutes. {@code -Dnewsmon.faults=full} runs each stage fault and the database cut ten times (the
 * first cut of 40 s, the others of 5 to 10 s), restarts the broker three times and publishes twice as
 * fast, in about 12 minutes when faults recover in a few seconds each (longer when they take longer,
 * since each fault waits up to {@link #RECOVERY_WAIT} for the one before):
 * {@code ./mvnw -B verify -pl app -am -Dtest=NONE -Dit.test=FaultSuiteIT -Dnewsmon.faults=full
 * -Dsurefire.failIfNoSpecifiedTests=false}. {@code -Dnewsmon.faults.seed=N} repeats the order and moments
 * of a run. It needs PostgreSQL (Testcontainers or the local server) and skips, saying so, without it.
 */
class FaultSuiteIT {
    private static final boolean FULL = "full".equals(System.getProperty("newsmon.faults"));
    /** How often each fault kind but the broker restart runs. */
    private static final int ROUNDS = FULL ? 10 : 1;
    /** How often the broker is restarted, spread evenly over the rounds. */
    private static final int BROKER_RESTARTS = FULL ? 3 : 1;
    /**
     * The first database cut of a run. Store waits 10 s for a connection before a write fails, then 1 s,
     * 2 s, 4 s before it retries, and the first retry may hold only the records it had; a poison record
     * sent {@link #POISON_INTO_OUTAGE} into the cut is in the third attempt at the latest, which fails
     * some 33 s into the cut, so that in 40 s store meets it in two attempts (and must dead-letter it once).
     */
    private static final Duration LONG_OUTAGE = Duration.ofSeconds(40);
    /** The other database cuts (full form) last between these. */
    private static final Duration SHORTEST_OUTAGE = Duration.ofSeconds(5);
    private static final Duration LONGEST_OUTAGE = Duration.ofSeconds(10);
    /**
     * When poison records are sent during a database cut (halfway through a shorter one): once store waits
     * on a batch it cannot write, so that the poison comes in the batches it retries.
     */
    private static final Duration POISON_INTO_OUTAGE = Duration.ofSeconds(5);
    /**
     * The mean time between a fault's recovery and the next fault; each wait is drawn between half and one
     * and a half of it.
     */
    private static final Duration BETWEEN_FAULTS = Duration.ofSeconds(FULL ? 4 : 2);
    /**
     * The longest the suite waits for a fault's figures before the next fault: longer than a transaction
     * left open by a dead producer holds readers back (its 60 s timeout), so that faults stay apart. A
     * fault that takes longer goes on being measured (up to {@link #RECOVERY_LIMIT}) while the next one
     * runs; its event says so.
     */
    private static final Duration RECOVERY_WAIT = Duration.ofSeconds(90);
    /** The longest a fault's figures are watched; one not reached by then is printed as such. */
    private static final Duration RECOVERY_LIMIT = Duration.ofMinutes(5);
    private static final Duration WATCH_INTERVAL = Duration.ofMillis(200);
    /** The longest a fault of enrich waits for a transaction to be open before it strikes anyway. */
    private static final Duration AIM_WAIT = Duration.ofSeconds(5);
    /**
     * The longest a fault waits for work in flight (an article served to ingest and not yet stored) before
     * it strikes anyway; ingest polls every 2 to 5 s, so some comes within one poll.
     */
    private static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(10);
    /**
     * The site publishes this many articles a second, from ingest's start until the last fault has
     * recovered, so that there is new work during every fault however long the faults take (the full form
     * keeps enrich busier, so that more faults land inside a batch).
     */
    private static final double ARTICLES_PER_SECOND = FULL ? 6 : 3;
    /** The feeds, each polled every 2 s while it has new articles. */
    private static final int FEEDS = 6;
    /** The newest articles a feed lists: 400 of each feed is 400 s of publishing in the full form. */
    private static final int FEED_WINDOW = 400;
    /** Ingest's delay between two fetches of the one host (feeds and pages): about twice what the site needs. */
    private static final Duration FETCH_DELAY = Duration.ofMillis(FULL ? 50 : 100);
    /** The seed of the fault order and moments: printed with the figures, {@code -Dnewsmon.faults.seed=N} repeats a run. */
    private static final long SEED = Long.getLong("newsmon.faults.seed", System.nanoTime());
    private static final String POISON_PREFIX = "poison-";

    @TempDir
    Path dir;

    private final SplittableRandom moments = new SplittableRandom(SEED);
    /** The keys of every poison record sent, each of which must end in the dead-letter topic. */
    private final List<String> poison = new ArrayList<>();
    private int cuts;

    @Test
    void killsRestartsAndOutagesLoseNothingAndStoreNothingTwice() throws Exception {
        TestPostgres postgres = TestPostgres.start();
        Assumptions.assumeTrue(postgres != null, TestPostgres::whyUnavailable);
        String bootstrap = "127.0.0.1:" + freePort();
        try (postgres; Site site = new Site(FEEDS, ARTICLES_PER_SECOND, FEED_WINDOW);
             TestPostgres.Proxied proxied = postgres.proxied();
             ArticleStore direct = ArticleStore.open(postgres.jdbcUrl());
             Pipeline pipeline = new Pipeline(bootstrap, proxied.jdbcUrl(), site.writeFeedsFile(dir));
             Offsets offsets = new Offsets(bootstrap);
             StoredUrls storedUrls = new StoredUrls(postgres.jdbcUrl())) {
            pipeline.startBrokerAndConsumers();
            injectPoison(bootstrap, "start", 2);
            site.startPublishing();
            long started = System.nanoTime();
            pipeline.ingest.start();
            awaitCount(direct, 1, Duration.ofSeconds(120), "the first article stored");

            Faults faults = new Faults(site, direct, offsets, storedUrls);
            for (FaultKind kind : plan(pipeline, proxied.proxy(), bootstrap)) {
                waitForNextFault();
                faults.inject(kind).awaitBeforeNextFault();
            }
            site.stopPublishing();
            faults.awaitAll();
            System.out.println("fault suite (" + (FULL ? "full" : "short") + " form, seed " + SEED + "):");
            faults.printEvents();
            faults.printDistributions();

            awaitCount(direct, site.total(), Duration.ofSeconds(FULL ? 600 : 240), "every published article stored");
            double storedAll = seconds(started);
            // Every page, poison included, processed by enrich and store: no row or record is still to come.
            Settled.await(bootstrap, Duration.ofSeconds(120));
            Outcome outcome = Outcome.read(bootstrap, direct, site, poison);
            outcome.print(faults.count(), storedAll);
            faults.printMisses();
            outcome.assertMustHold();
            faults.assertSomeHitWorkInFlight();
        }
    }

    /**
     * The faults of this run: {@link #ROUNDS} rounds of every stage fault and the database cut, each round
     * in a random order, with {@link #BROKER_RESTARTS} broker restarts spread evenly after rounds (the
     * last after the last round).
     */
    private List<FaultKind> plan(Pipeline pipeline, TcpProxy proxy, String bootstrap) {
        List<FaultKind> kinds = List.of(
                new FaultKind("SIGKILL ingest", pipeline.ingest::killAndRestart),
                new FaultKind("SIGKILL enrich", pipeline.enrich::killAndRestart, true),
                new FaultKind("SIGKILL store", pipeline.store::killAndRestart),
                new FaultKind("SIGTERM enrich", pipeline.enrich::stopAndRestart, true),
                new FaultKind("SIGTERM store", pipeline.store::stopAndRestart),
                new FaultKind("database cut", () -> cutDatabase(proxy, bootstrap)));
        FaultKind brokerRestart = new FaultKind("broker restart", pipeline::restartBroker);
        List<FaultKind> plan = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            List<FaultKind> shuffled = new ArrayList<>(kinds);
            Collections.shuffle(shuffled, moments);
            plan.addAll(shuffled);
            if ((round + 1) * BROKER_RESTARTS / ROUNDS > round * BROKER_RESTARTS / ROUNDS) {
                plan.add(brokerRestart);
            }
        }
        return plan;
    }

    /**
     * Cuts the database away and restores it: the first time for {@link #LONG_OUTAGE}, then for a random
     * time between {@link #SHORTEST_OUTAGE} and {@link #LONGEST_OUTAGE}. Poison records are sent
     * {@link #POISON_INTO_OUTAGE} into the cut.
     */
    private String cutDatabase(TcpProxy proxy, String bootstrap) throws Exception {
        long outage = ++cuts == 1 ? LONG_OUTAGE.toMillis() : SHORTEST_OUTAGE.toMillis()
                + moments.nextLong(LONGEST_OUTAGE.toMillis() - SHORTEST_OUTAGE.toMillis() + 1);
        proxy.cut();
        long cut = System.nanoTime();
        Thread.sleep(Math.min(POISON_INTO_OUTAGE.toMillis(), outage / 2));
        injectPoison(bootstrap, "cut-" + cuts, 1);
        double poisoned = (System.nanoTime() - cut) / 1e9;
        Thread.sleep(Math.max(0, outage - (System.nanoTime() - cut) / 1_000_000));
        proxy.restore();
        return String.format(Locale.ROOT, "away for %.1f s, poison sent %.1f s into it", (System.nanoTime() - cut) / 1e9,
                poisoned);
    }

    /** Sleeps a random time around {@link #BETWEEN_FAULTS}, so that faults hit the stages at random moments. */
    private void waitForNextFault() throws InterruptedException {
        long mean = BETWEEN_FAULTS.toMillis();
        Thread.sleep(mean / 2 + moments.nextLong(mean));
    }

    /**
     * Sends {@code rawCount} records that are not JSON to news.raw (for enrich), and one of an unknown schema
     * to each partition of news.enriched (for store: during a database cut, whichever partitions the batches
     * store retries come from, a poison record follows their articles).
     */
    private void injectPoison(String bootstrap, String tag, int rawCount) throws Exception {
        KafkaSettings settings = new KafkaSettings(bootstrap, "fault-poison");
        try (var producer = new KafkaProducer<String, byte[]>(settings.producer())) {
            for (int i = 1; i <= rawCount; i++) {
                send(producer, KafkaTopics.RAW, null, POISON_PREFIX + "raw-" + tag + "-" + i, "{not json");
            }
            for (var partition : producer.partitionsFor(KafkaTopics.ENRICHED)) {
                send(producer, KafkaTopics.ENRICHED, partition.partition(), POISON_PREFIX + "enriched-" + tag + "-p"
                        + partition.partition(), "{\"schemaVersion\":3,\"id\":\"x\"}");
            }
        }
    }

    private void send(KafkaProducer<String, byte[]> producer, String topic, Integer partition, String key, String value)
            throws Exception {
        producer.send(new ProducerRecord<>(topic, partition, key, value.getBytes(StandardCharsets.UTF_8))).get();
        poison.add(key);
    }

    private static void awaitCount(ArticleStore store, long expected, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (store.count() < expected) {
            assertThat(System.nanoTime()).as("%d rows within %s (%s)", expected, timeout, what).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    /**
     * The keys of every record of each {@code news.topic.<id>} topic, read {@code read_committed} from the
     * start to the end: of each such topic on the broker and of each tag of a stored article, with an empty
     * list for a topic that holds no record (or does not exist).
     */
    private static Map<String, List<String>> readTopicKeys(String bootstrap, List<EnrichedArticle> stored) {
        Set<String> topics = new HashSet<>();
        stored.forEach(article -> article.topics().stream().map(TopicTag::id).map(KafkaTopics::forTag).forEach(topics::add));
        Map<String, List<String>> keys = new TreeMap<>();
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, "isolation.level", "read_committed",
                "allow.auto.create.topics", false);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.listTopics().keySet().stream().filter(topic -> topic.startsWith(KafkaTopics.TOPIC_PREFIX))
                    .forEach(topics::add);
            topics.forEach(topic -> keys.put(topic, new ArrayList<>()));
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                assertThat(System.nanoTime()).as("news.topic.<id> read to its end within 60 s").isLessThan(deadline);
                consumer.poll(Duration.ofMillis(300)).forEach(r -> keys.get(r.topic()).add(r.key()));
            }
        }
        return keys;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /**
     * What the run left: the articles the site published and served, the rows in the database, the keys of
     * each {@code news.topic.<id>} read {@code read_committed}, and the dead letters.
     */
    private record Outcome(int published, Set<String> served, List<EnrichedArticle> stored,
                           Map<String, List<String>> topicKeys, List<DeadLetterLog.Entry> letters, List<String> poison) {
        static Outcome read(String bootstrap, ArticleStore store, Site site, List<String> poison) {
            List<EnrichedArticle> stored = new ArrayList<>();
            store.export(ExportQuery.ALL, stored::add);
            // Every record of the dead-letter topic: DeadLetterLog.read shows each origin once per stage, which
            // would hide the letters sent twice that this suite looks for.
            List<DeadLetterLog.Entry> letters = TopicContents.read(bootstrap, KafkaTopics.DLQ, true,
                    new ByteArrayDeserializer(), new ByteArrayDeserializer()).stream().map(Outcome::entry).toList();
            return new Outcome(site.total(), site.servedUrls(), stored, readTopicKeys(bootstrap, stored), letters,
                    List.copyOf(poison));
        }

        private static DeadLetterLog.Entry entry(ConsumerRecord<byte[], byte[]> record) {
            try {
                return new DeadLetterLog.Entry(record.partition(), record.offset(),
                        Json.read(record.value(), DeadLetter.class), null);
            } catch (RuntimeException e) {
                return new DeadLetterLog.Entry(record.partition(), record.offset(), null,
                        new String(record.value(), StandardCharsets.UTF_8));
            }
        }

        Set<String> storedUrls() {
            return stored.stream().map(EnrichedArticle::url).collect(Collectors.toSet());
        }

        /** Each origin (topic-partition@offset and stage) in the dead-letter topic more than once, with how often. */
        Map<String, Long> deadLetteredMoreThanOnce() {
            Map<String, Long> byOrigin = letters.stream().map(DeadLetterLog.Entry::letter).filter(l -> l != null)
                    .collect(Collectors.groupingBy(Outcome::origin, LinkedHashMap::new, Collectors.counting()));
            byOrigin.values().removeIf(times -> times == 1);
            return byOrigin;
        }

        private static String origin(DeadLetter letter) {
            return letter.topic() + "-" + letter.partition() + "@" + letter.offset() + " by " + letter.stage()
                    + " (key " + letter.key() + ")";
        }

        void print(int faults, double storedAll) {
            Set<String> urls = storedUrls();
            Map<String, Long> twice = deadLetteredMoreThanOnce();
            System.out.printf(Locale.ROOT, "  articles published %d, served %d, stored %d, duplicate rows %d, lost %d,"
                            + " faults %d, poison records %d of %d in the DLQ (%d dead letters in all, %d origins"
                            + " dead-lettered more than once by one stage), all stored after %.0f s%n",
                    published, served.size(), stored.size(), stored.size() - urls.size(),
                    served.stream().filter(url -> !urls.contains(url)).count(), faults,
                    letters.stream().filter(l -> l.letter() != null && poison.contains(l.letter().key()))
                            .map(l -> l.letter().key()).distinct().count(),
                    poison.size(), letters.size(), twice.size(), storedAll);
            twice.forEach((origin, times) -> System.out.printf("  dead-lettered %d times: %s%n", times, origin));
            Map<String, Set<String>> tagged = taggedOriginals();
            topicKeys.forEach((topic, keys) -> System.out.printf("  %s: %d records, %d distinct, %d tagged originals%s%n",
                    topic, keys.size(), new HashSet<>(keys).size(), tagged.get(topic).size(),
                    tagged.get(topic).isEmpty() ? " (expected empty: no stored original has its tag)" : ""));
        }

        /**
         * For each topic of {@link #topicKeys}, the ids of the stored originals tagged with its tag: what it
         * must hold, each once; an empty set for a topic no original is tagged with, which must hold nothing.
         */
        Map<String, Set<String>> taggedOriginals() {
            Map<String, Set<String>> tagged = new TreeMap<>();
            topicKeys.keySet().forEach(topic -> tagged.put(topic, new HashSet<>()));
            stored.stream().filter(a -> a.duplicateOf() == null).forEach(a -> a.topicIds().forEach(tag ->
                    tagged.computeIfAbsent(KafkaTopics.forTag(tag), t -> new HashSet<>()).add(a.id())));
            return tagged;
        }

        /** Nothing lost, nothing twice, every poison record dead-lettered once per stage. */
        void assertMustHold() {
            Set<String> urls = storedUrls();
            SoftAssertions.assertSoftly(softly -> {
                softly.assertThat(served).as("the site served every article it published").hasSize(published);
                softly.assertThat(urls).as("every served article stored").containsAll(served);
                softly.assertThat(stored).as("each once").hasSize(urls.size()).hasSize(published);
                softly.assertThat(letters).extracting(l -> l.letter() == null ? null : l.letter().key())
                        .as("every poison record in the DLQ").containsAll(poison);
                softly.assertThat(deadLetteredMoreThanOnce())
                        .as("origins (topic-partition@offset by stage) dead-lettered more than once").isEmpty();
                Map<String, Set<String>> tagged = taggedOriginals();
                softly.assertThat(tagged.values()).as("stored originals tagged with a topic").anySatisfy(ids ->
                        assertThat(ids).isNotEmpty());
                // every topic: those with tagged originals, those no original is tagged with (which must stay
                // empty), and those that received nothing at all (which fail unless nothing is tagged for them)
                tagged.forEach((topic, ids) -> {
                    List<String> keys = topicKeys.getOrDefault(topic, List.of());
                    softly.assertThat(keys).as(topic + " holds each article once").doesNotHaveDuplicates();
                    softly.assertThat(new HashSet<>(keys)).as(ids.isEmpty() ? topic + " is empty: no stored original"
                            + " has its tag" : topic + " holds every tagged original and nothing else").isEqualTo(ids);
                });
            });
        }
    }

    /**
     * One kind of fault.
     *
     * @param name   how the figures name it
     * @param inject does the fault and brings back what it took away, returning what happened
     * @param aimed  whether it waits (up to {@link #AIM_WAIT}) for a transaction open on the topics readers
     *               consume, so that it hits enrich inside a batch rather than between two
     */
    private record FaultKind(String name, Injection inject, boolean aimed) {
        FaultKind(String name, Injection inject) {
            this(name, inject, false);
        }
    }

    @FunctionalInterface
    private interface Injection {
        /** Injects the fault and returns at the moment of the restart, saying what happened. */
        String run() throws Exception;
    }

    /** Injects faults and keeps what each one cost. */
    private final class Faults {
        private final Site site;
        private final ArticleStore rows;
        private final Offsets offsets;
        private final StoredUrls storedUrls;
        private final List<Recovery> recoveries = new ArrayList<>();

        Faults(Site site, ArticleStore rows, Offsets offsets, StoredUrls storedUrls) {
            this.site = site;
            this.rows = rows;
            this.offsets = offsets;
            this.storedUrls = storedUrls;
        }

        /**
         * Waits for work in flight (up to {@link #IN_FLIGHT_WAIT}), takes what was served and how many of
         * those articles are not yet stored, injects the fault (once a transaction is open, when it is aimed),
         * takes the high watermarks and what of the served articles is not yet stored at the restart, and
         * starts measuring its recovery.
         */
        Recovery inject(FaultKind kind) throws Exception {
            long rowsBefore = rows.count();
            awaitWorkInFlight();
            String aim = !kind.aimed() ? ""
                    : offsets.awaitOpenTransaction(AIM_WAIT) ? "a transaction seen open just before, "
                    : "no open transaction seen in " + AIM_WAIT.toSeconds() + " s, ";
            Set<String> pending = new HashSet<>(site.servedUrls());
            long inFlight = inFlight();
            String what = aim + kind.inject().run();
            long restarted = System.nanoTime();
            int servedMark = site.servedCount();
            Map<TopicPartition, Long> marks = offsets.highWatermarks();
            pending.removeAll(storedUrls.among(pending));
            Recovery recovery = new Recovery(kind.name(), what, rowsBefore, inFlight, pending, marks, restarted,
                    servedMark, site, offsets, storedUrls);
            recoveries.add(recovery);
            Thread.ofVirtual().name("recovery-" + recoveries.size()).start(recovery::watch);
            return recovery;
        }

        /**
         * How many articles are in flight now: served to ingest and not yet stored (the served count is taken
         * first, so an article stored meanwhile is not counted in flight).
         */
        private long inFlight() {
            int served = site.servedCount();
            return Math.max(0, served - rows.count());
        }

        /** Waits until some article is in flight, or {@link #IN_FLIGHT_WAIT} passed. */
        private void awaitWorkInFlight() throws InterruptedException {
            long deadline = System.nanoTime() + IN_FLIGHT_WAIT.toNanos();
            while (inFlight() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }

        /** Prints the faults that struck while no article was in flight: they tested an idle pipeline. */
        void printMisses() {
            List<String> idle = recoveries.stream().filter(r -> r.inFlight() == 0).map(Recovery::kind).toList();
            System.out.println(idle.isEmpty() ? "  every fault struck with articles in flight"
                    : "  faults that struck with no article in flight (an idle pipeline): " + idle);
        }

        /** Fails when no fault struck with work in flight: the run then tested an idle pipeline only. */
        void assertSomeHitWorkInFlight() {
            assertThat(recoveries).as("faults that struck with articles served and not yet stored")
                    .anyMatch(r -> r.inFlight() > 0);
        }

        void awaitAll() throws InterruptedException {
            for (Recovery recovery : recoveries) {
                recovery.awaitEnd();
            }
        }

        int count() {
            return recoveries.size();
        }

        void printEvents() {
            recoveries.forEach(recovery -> System.out.println("  " + recovery.event()));
        }

        /** Per kind: how many, and min, p50, p90 and max of each figure. */
        void printDistributions() {
            Map<String, List<Recovery>> byKind = recoveries.stream()
                    .collect(Collectors.groupingBy(Recovery::kind, LinkedHashMap::new, Collectors.toList()));
            System.out.println("  seconds from the restart (the database back, the broker listening) until the following,"
                    + " per kind of fault: min, p50, p90 and max (the max is the p99 up to 100 faults)");
            System.out.println("    readers: every read_committed end had passed the high watermark it had at the restart");
            System.out.println("    stored:  every article served before the fault was stored");
            System.out.println("    flowing: an article first served after the restart was stored");
            byKind.forEach((kind, list) -> {
                System.out.printf(Locale.ROOT, "  %s (%d):%n", kind, list.size());
                System.out.printf(Locale.ROOT, "    readers %s%n", Distribution.of(list, Recovery::readers));
                System.out.printf(Locale.ROOT, "    stored  %s%n", Distribution.of(list, Recovery::stored));
                System.out.printf(Locale.ROOT, "    flowing %s%n", Distribution.of(list, Recovery::flowing));
            });
        }
    }

    /**
     * What one fault cost, watched from its restart on a thread of its own: when readers caught up, when
     * every article served before the fault was stored, and when an article served after the restart was
     * stored (each null until then, and for good after {@link #RECOVERY_LIMIT}).
     */
    private static final class Recovery {
        private final String kind;
        private final String what;
        private final long rowsBefore;
        private final long inFlight;
        private final int pendingBefore;
        private final Set<String> pending;
        private final Map<TopicPartition, Long> marks;
        private final long restarted;
        private final int servedMark;
        private final Site site;
        private final Offsets offsets;
        private final StoredUrls storedUrls;
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile Double readers;
        private volatile Double stored;
        private volatile Double flowing;
        private volatile boolean overlapped;

        Recovery(String kind, String what, long rowsBefore, long inFlight, Set<String> pending,
                 Map<TopicPartition, Long> marks, long restarted, int servedMark, Site site, Offsets offsets,
                 StoredUrls storedUrls) {
            this.kind = kind;
            this.what = what;
            this.rowsBefore = rowsBefore;
            this.inFlight = inFlight;
            this.pendingBefore = pending.size();
            this.pending = pending;
            this.marks = marks;
            this.restarted = restarted;
            this.servedMark = servedMark;
            this.site = site;
            this.offsets = offsets;
            this.storedUrls = storedUrls;
        }

        String kind() {
            return kind;
        }

        /** The articles served and not yet stored just before the fault struck. */
        long inFlight() {
            return inFlight;
        }

        Double readers() {
            return readers;
        }

        Double stored() {
            return stored;
        }

        Double flowing() {
            return flowing;
        }

        private boolean measuring() {
            return readers == null || stored == null || flowing == null;
        }

        void watch() {
            long deadline = restarted + RECOVERY_LIMIT.toNanos();
            try {
                while (measuring() && System.nanoTime() < deadline) {
                    if (readers == null && offsets.committedPast(marks)) {
                        readers = seconds(restarted);
                    }
                    if (stored == null) {
                        pending.removeAll(storedUrls.among(pending));
                        if (pending.isEmpty()) {
                            stored = seconds(restarted);
                        }
                    }
                    if (flowing == null && !storedUrls.among(site.servedAfter(servedMark)).isEmpty()) {
                        flowing = seconds(restarted);
                    }
                    if (measuring()) {
                        Thread.sleep(WATCH_INTERVAL.toMillis());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                done.countDown();
            }
        }

        /** Waits up to {@link #RECOVERY_WAIT} for all figures; a fault still recovering then overlaps the next. */
        void awaitBeforeNextFault() throws InterruptedException {
            if (!done.await(RECOVERY_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                overlapped = true;
            }
        }

        /** Waits until the watch is over: all figures in, or {@link #RECOVERY_LIMIT} after the restart. */
        void awaitEnd() throws InterruptedException {
            done.await();
        }

        String event() {
            return String.format(Locale.ROOT, "%s (%s) at %d rows, %s, %d articles served before it not yet stored"
                            + " at the restart: readers caught up after %s, those articles stored after %s, new ones"
                            + " after %s%s",
                    kind, what, rowsBefore, inFlight == 0 ? "NO article in flight when it struck"
                            : inFlight + " articles in flight when it struck",
                    pendingBefore, figure(readers), figure(stored), figure(flowing),
                    overlapped ? " (still recovering when the next fault came)" : "");
        }

        private static String figure(Double seconds) {
            return seconds == null ? "more than " + RECOVERY_LIMIT.toSeconds() + " s"
                    : String.format(Locale.ROOT, "%.1f s", seconds);
        }
    }

    /** Min, p50, p90 and max of a figure over faults (nearest rank), and how many never reached it. */
    private record Distribution(List<Double> sorted, int missing) {
        static Distribution of(List<Recovery> recoveries, Function<Recovery, Double> figure) {
            List<Double> values = recoveries.stream().map(figure).filter(v -> v != null).sorted().toList();
            return new Distribution(values, recoveries.size() - values.size());
        }

        private double rank(double p) {
            return sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
        }

        @Override
        public String toString() {
            String missed = missing == 0 ? "" : " (" + missing + " over " + RECOVERY_LIMIT.toSeconds() + " s)";
            if (sorted.isEmpty()) {
                return "none" + missed;
            }
            return String.format(Locale.ROOT, "min %5.1f p50 %5.1f p90 %5.1f max %5.1f%s", sorted.getFirst(),
                    rank(0.5), rank(0.9), sorted.getLast(), missed);
        }
    }

    /** The ends of the partitions readers consume, through one Admin client shared by the watches. */
    private static final class Offsets implements AutoCloseable {
        private static final Duration ANSWER = Duration.ofSeconds(10);
        private final Admin admin;

        Offsets(String bootstrap) {
            Map<String, Object> config = new KafkaSettings(bootstrap, "fault-watch").admin();
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ANSWER.toMillis());
            admin = Admin.create(config);
        }

        /**
         * The high watermark of every partition of the topics readers consume: {@value KafkaTopics#RAW},
         * {@value KafkaTopics#ENRICHED}, {@value KafkaTopics#DUPLICATES} and the {@code news.topic.<id>} topics there are;
         * asked again until the broker answers (60 s at most).
         */
        Map<TopicPartition, Long> highWatermarks() throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (true) {
                try {
                    return ends(readPartitions(), new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED));
                } catch (ExecutionException | TimeoutException | KafkaException e) {
                    assertThat(System.nanoTime()).as("the broker answered listOffsets within 60 s: " + e)
                            .isLessThan(deadline);
                    Thread.sleep(WATCH_INTERVAL.toMillis());
                }
            }
        }

        /**
         * Waits until a transaction is open on a partition readers consume (its last stable offset below the
         * high watermark it had just before), looking every 5 ms for at most {@code timeout}; whether one was.
         */
        boolean awaitOpenTransaction(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            try {
                Set<TopicPartition> partitions = readPartitions();
                while (System.nanoTime() < deadline) {
                    Map<TopicPartition, Long> high = ends(partitions,
                            new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED));
                    if (!reached(ends(partitions, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)), high)) {
                        return true;
                    }
                    Thread.sleep(5);
                }
            } catch (ExecutionException | TimeoutException | KafkaException e) {
                // the broker did not answer: strike anyway
            }
            return false;
        }

        /**
         * Whether each partition's last stable offset has reached its offset in {@code marks}; false when the
         * broker does not answer.
         */
        boolean committedPast(Map<TopicPartition, Long> marks) throws InterruptedException {
            try {
                return reached(ends(marks.keySet(), new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)), marks);
            } catch (ExecutionException | TimeoutException | KafkaException e) {
                return false;
            }
        }

        private static boolean reached(Map<TopicPartition, Long> offsets, Map<TopicPartition, Long> marks) {
            return marks.entrySet().stream().allMatch(mark -> offsets.get(mark.getKey()) >= mark.getValue());
        }

        private Set<TopicPartition> readPartitions()
                throws ExecutionException, TimeoutException, InterruptedException {
            Set<String> topics = admin.listTopics().names().get(ANSWER.toMillis(), TimeUnit.MILLISECONDS).stream()
                    .filter(t -> t.equals(KafkaTopics.RAW) || t.equals(KafkaTopics.ENRICHED) || t.equals(KafkaTopics.DUPLICATES)
                            || t.startsWith(KafkaTopics.TOPIC_PREFIX))
                    .collect(Collectors.toSet());
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                    .get(ANSWER.toMillis(), TimeUnit.MILLISECONDS);
            return described.values().stream().flatMap(d -> d.partitions().stream()
                    .map(p -> new TopicPartition(d.name(), p.partition()))).collect(Collectors.toSet());
        }

        private Map<TopicPartition, Long> ends(Collection<TopicPartition> partitions, ListOffsetsOptions options)
                throws ExecutionException, TimeoutException, InterruptedException {
            Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            return admin.listOffsets(latest, options).all().get(ANSWER.toMillis(), TimeUnit.MILLISECONDS)
                    .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        }

        @Override
        public void close() {
            admin.close(Duration.ofSeconds(5));
        }
    }

    /** Which URLs are stored, asked of the database directly (not through the proxy the suite cuts). */
    private static final class StoredUrls implements AutoCloseable {
        private final Connection connection;

        StoredUrls(String jdbcUrl) throws SQLException {
            connection = DriverManager.getConnection(jdbcUrl);
        }

        /** Those of {@code urls} that some stored article has; none when the database does not answer. */
        synchronized Set<String> among(Collection<String> urls) {
            Set<String> found = new HashSet<>();
            if (urls.isEmpty()) {
                return found;
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT url FROM article WHERE url = ANY (?)")) {
                select.setArray(1, connection.createArrayOf("text", urls.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getString(1));
                    }
                }
            } catch (SQLException e) {
                // asked again at the next look
            }
            return found;
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    /** The broker and the three stages, each a process of the jar; closing stops them all. */
    private final class Pipeline implements AutoCloseable {
        final Stage broker;
        final Stage ingest;
        final Stage enrich;
        final Stage store;
        private final String bootstrap;

        Pipeline(String bootstrap, String storeUrl, Path feeds) {
            this.bootstrap = bootstrap;
            String port = bootstrap.substring(bootstrap.lastIndexOf(':') + 1);
            broker = new Stage("broker", "broker", "--data-dir", dir.resolve("broker").toString(), "--port", port);
            enrich = new Stage("enrich", "enrich", "--bootstrap-servers", bootstrap);
            store = new Stage("store", "store", "--bootstrap-servers", bootstrap, "--store", storeUrl);
            ingest = new Stage("ingest", "ingest", "--bootstrap-servers", bootstrap, "--feeds", feeds.toString(),
                    "--allow-private-addresses", "--per-host-delay", FETCH_DELAY.toString(),
                    "--poll-interval", "PT2S", "--min-poll-interval", "PT2S", "--max-poll-interval", "PT5S");
        }

        /** Starts the broker, then enrich and store, and waits until they have created the pipeline's topics. */
        void startBrokerAndConsumers() throws Exception {
            broker.start();
            broker.awaitOutput("listening on", Duration.ofSeconds(60));
            enrich.start();
            store.start();
            awaitTopics();
        }

        /** Stops the broker (SIGTERM), starts it again and returns once it listens. */
        String restartBroker() throws Exception {
            broker.stop();
            long started = System.nanoTime();
            broker.start();
            broker.awaitOutput("listening on", Duration.ofSeconds(60));
            return String.format(Locale.ROOT, "listening again %.1f s after its start", seconds(started));
        }

        private void awaitTopics() throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (true) {
                try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                    Set<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                    if (names.containsAll(List.of(KafkaTopics.RAW, KafkaTopics.ENRICHED, KafkaTopics.DLQ, KafkaTopics.FINGERPRINTS))) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException | KafkaException e) {
                    // not yet
                }
                assertThat(System.nanoTime()).as("the stages created their topics").isLessThan(deadline);
                Thread.sleep(500);
            }
        }

        @Override
        public void close() throws InterruptedException {
            for (Stage stage : List.of(ingest, enrich, store, broker)) {
                stage.stop();
            }
        }
    }

    /** One process of the jar that the suite starts, kills and restarts. */
    private final class Stage {
        private static final Duration GRACE = Duration.ofSeconds(60);
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

        /** SIGKILL, waits until it is gone, and starts it again. */
        String killAndRestart() throws Exception {
            running.process().destroyForcibly();
            assertThat(running.process().waitFor(30, TimeUnit.SECONDS)).as(name + " dies on SIGKILL").isTrue();
            start();
            return "restarted";
        }

        /** SIGTERM, waits until it has exited (SIGKILL after {@link #GRACE}), and starts it again. */
        String stopAndRestart() throws Exception {
            long signalled = System.nanoTime();
            boolean exited = terminate();
            String how = exited
                    ? String.format(Locale.ROOT, "exited with %d %.1f s after SIGTERM", running.process().exitValue(),
                            seconds(signalled))
                    : "still running " + GRACE.toSeconds() + " s after SIGTERM, killed";
            start();
            return how + ", restarted";
        }

        /** SIGTERM, and waits until it has stopped (SIGKILL after {@link #GRACE}); whether it stopped on its own. */
        boolean terminate() throws InterruptedException {
            running.process().destroy();
            if (running.process().waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            running.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            return false;
        }

        /** Stops it if it runs (SIGTERM, SIGKILL after {@link #GRACE}). */
        void stop() throws InterruptedException {
            if (running != null && running.process().isAlive()) {
                terminate();
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
     * The local site, publishing articles as time goes by: article A belongs to feed A mod {@code feeds};
     * {@code /feeds/F.xml} lists the newest {@code window} published articles of feed F as RSS, and
     * {@code /articles/A.html} is article A, with text of its own (seeded random words, every third one
     * about Huawei and the Entity List, so that topics are tagged).
     */
    private static final class Site implements AutoCloseable {
        private static final String[] WORDS = ("harbour council budget river station market report minister"
                + " vote plan north south bridge school season storm rail trade court judge ruling network tower"
                + " farm supply winter summer festival museum library factory port airport weather forecast"
                + " election district county street hospital clinic energy grid water bus route price wage").split(" ");
        private final HttpServer server;
        private final int feeds;
        private final double perSecond;
        private final int window;
        private final Set<String> served = new HashSet<>();
        private final List<String> servedInOrder = new ArrayList<>();
        private long publishingSince;
        private int publishedInAll = -1;

        Site(int feeds, double perSecond, int window) throws IOException {
            this.feeds = feeds;
            this.perSecond = perSecond;
            this.window = window;
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::serve);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
        }

        synchronized void startPublishing() {
            publishingSince = System.nanoTime();
        }

        synchronized void stopPublishing() {
            publishedInAll = published();
        }

        /** The articles published so far: articles 0 to this less one. */
        synchronized int published() {
            if (publishedInAll >= 0) {
                return publishedInAll;
            }
            return publishingSince == 0 ? 0 : (int) ((System.nanoTime() - publishingSince) / 1e9 * perSecond);
        }

        /** How many articles the site published in all; once it has stopped publishing. */
        synchronized int total() {
            assertThat(publishedInAll).as("the site has stopped publishing").isNotNegative();
            return publishedInAll;
        }

        String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        synchronized Set<String> servedUrls() {
            return Set.copyOf(served);
        }

        /** How many articles it has served, each counted once. */
        synchronized int servedCount() {
            return servedInOrder.size();
        }

        /** The articles first served after the first {@code count} it served. */
        synchronized List<String> servedAfter(int count) {
            return List.copyOf(servedInOrder.subList(count, servedInOrder.size()));
        }

        private synchronized void recordServed(String url) {
            if (served.add(url)) {
                servedInOrder.add(url);
            }
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
                body = article < published() ? article(article) : null;
                if (body != null) {
                    recordServed(base() + path);
                }
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
            int published = published();
            int newest = published - 1 - Math.floorMod(published - 1 - feed, feeds);
            for (int article = newest, listed = 0; article >= 0 && listed < window; article -= feeds, listed++) {
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
