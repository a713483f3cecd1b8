package io.newsmon.app.bench;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsmon.app.pipeline.Stages;
import io.newsmon.broker.EmbeddedKafkaBroker;
import io.newsmon.enrich.kafka.EnrichService;
import io.newsmon.enrich.dedup.Duplicates;
import io.newsmon.enrich.tag.TopicDefinition;
import io.newsmon.enrich.tag.TopicTagger;
import io.newsmon.enrich.tag.TopicsFile;
import io.newsmon.ingest.kafka.IngestService;
import io.newsmon.ingest.IngestSettings;
import io.newsmon.ingest.config.FeedSource;
import io.newsmon.ingest.fetch.FetchSettings;
import io.newsmon.ingest.politeness.PolitenessSettings;
import io.newsmon.ingest.schedule.PollSettings;
import io.newsmon.kafka.KafkaSettings;
import io.newsmon.kafka.KafkaStage;
import io.newsmon.store.kafka.StoreMetrics;
import io.newsmon.store.kafka.StoreService;
import io.newsmon.store.jdbc.ArticleStore;
import io.newsmon.store.jdbc.JdbcUrls;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code newsmon bench freshness}: pipeline freshness under steady load, in the all-in-one mode.
 *
 * <p>It runs the three stages in this process, built by {@link Stages} as {@code newsmon run} builds them
 * (with the default duplicate window and record budget), on an embedded broker and an SQLite file (or
 * {@code --store}), against a {@link GrowingSite} that publishes {@code --rate} articles a second over
 * {@code --feeds} feeds, each on a host of its own and polled every second. Freshness is the store
 * stage's own meter ({@value StoreMetrics#FRESHNESS}): from the poll that read an entry in its feed to
 * the commit of its row, so the poll interval is excluded. After {@code --warmup}, it measures for
 * {@code --duration}, stops publishing, waits until every article is stored, and prints the count, p50,
 * p90, p99 and the largest bucket reached, to 10 ms, of the articles stored after the warm-up.
 *
 * <p>Exit code 0 when every article was stored and p99 is under 2 s, else 1.
 */
@Command(name = "freshness", mixinStandardHelpOptions = true,
        description = {
            "Measures pipeline freshness in the all-in-one mode: the time from the poll that read an",
            "entry in its feed to its row in the database, under a steady load of new articles.",
            "Prints p50, p90 and p99 after a warm-up. Exit code 0 when every article was stored",
            "and p99 is under 2 s, else 1."})
public final class FreshnessCommand implements Callable<Integer> {
    /** The bar: p99 under 2 s. */
    static final Duration BAR = Duration.ofSeconds(2);
    private static final Duration POLL = Duration.ofSeconds(1);

    @Spec
    CommandSpec spec;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "20",
            description = "New articles a second over all feeds (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--feeds", paramLabel = "N", defaultValue = "20",
            description = "Feeds, each on a loopback host of its own, 1 to 250 (default: ${DEFAULT-VALUE}).")
    int feeds;

    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "PT15S",
            description = "Load before measuring, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "PT60S",
            description = "How long to measure, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--per-host-delay", paramLabel = "DURATION", defaultValue = "PT0.1S",
            description = "Politeness: the pause between two requests to one host (default: ${DEFAULT-VALUE}).")
    Duration perHostDelay;

    @Option(names = "--store", paramLabel = "JDBC_URL",
            description = "Database to write to. Default: a new SQLite file in a temporary folder.")
    String store;

    @Override
    @SuppressWarnings("try") // the broker and the site are only closed
    public Integer call() throws Exception {
        check();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = Files.createTempDirectory("newsmon-freshness");
        try {
            return measure(out, err, dir);
        } finally {
            deleteTree(dir);
        }
    }

    private int measure(PrintWriter out, PrintWriter err, Path dir) throws Exception {
        String jdbcUrl = store != null ? store : "jdbc:sqlite:" + dir.resolve("newsmon.db");
        List<TopicDefinition> topics = TopicsFile.bundled();
        SimpleMeterRegistry meters = registry();
        try (GrowingSite site = GrowingSite.start(feeds, rate);
             EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0);
             TopicTagger tagger = new TopicTagger(topics);
             ArticleStore articles = Stages.openStore(jdbcUrl, KafkaStage.DEFAULT_RECORD_BUDGET)) {
            KafkaSettings kafka = new KafkaSettings(broker.bootstrapServers(), "newsmon-bench");
            Stages.createTopics(kafka, topics);
            List<FeedSource> sources = site.feedUrls().stream().map(FeedSource::feed).toList();
            try (StoreService storeService = Stages.store(kafka, articles, meters);
                 EnrichService enrichService = Stages.enrich(kafka, tagger, Duplicates.DEFAULT_WINDOW,
                         KafkaStage.DEFAULT_RECORD_BUDGET, meters);
                 IngestService ingestService = ingest(kafka, sources, meters)) {
                start("store", storeService::run);
                start("enrich", enrichService::run);
                start("ingest", ingestService::runForever);
                err.printf("newsmon bench freshness: %d feeds, %.1f articles/s, polled every %s, per-host delay %s%n",
                        feeds, rate, POLL, perHostDelay);
                Thread.sleep(5_000); // every stage joins its group and every feed is polled empty once
                site.open();
                Timer freshness = meters.get(StoreMetrics.FRESHNESS).timer();
                progress(err, "warm-up", warmup, site, storeService);
                HistogramSnapshot before = freshness.takeSnapshot();
                progress(err, "measuring", duration, site, storeService);
                site.stopPublishing();
                int published = site.published();
                boolean drained = drain(err, published, storeService);
                HistogramSnapshot after = freshness.takeSnapshot();
                return report(out, JdbcUrls.mask(jdbcUrl), published, storeService.inserted(), drained, before, after);
            }
        }
    }

    private void check() {
        if (!(rate > 0 && rate <= 1_000)) {
            throw invalid("--rate", rate, "must be above 0 and at most 1000");
        }
        if (feeds < 1 || feeds > 250) {
            throw invalid("--feeds", feeds, "must be 1 to 250");
        }
        if (rate / feeds > GrowingSite.LISTED / (double) POLL.toSeconds()) {
            throw invalid("--rate", rate, "must be at most " + GrowingSite.LISTED + " articles a second per feed, since a"
                    + " feed lists its newest " + GrowingSite.LISTED + " and is polled every second: raise --feeds");
        }
        requirePositive("--warmup", warmup);
        requirePositive("--duration", duration);
        if (perHostDelay.isNegative()) {
            throw invalid("--per-host-delay", perHostDelay, "must be zero or positive");
        }
    }

    private void requirePositive(String option, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw invalid(option, value, "must be positive");
        }
    }

    private ParameterException invalid(String option, Object value, String rule) {
        return new ParameterException(spec.commandLine(), "Invalid value " + value + " for " + option + ": " + rule);
    }

    /** Deletes the broker's log and the SQLite file: a bench leaves nothing behind. */
    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Freshness with buckets every 10 ms to 3 s, then every 100 ms to 20 s, never expiring. */
    private static SimpleMeterRegistry registry() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        double[] bounds = DoubleStream.concat(
                DoubleStream.iterate(10, ms -> ms <= 3_000, ms -> ms + 10),
                DoubleStream.iterate(3_100, ms -> ms <= 20_000, ms -> ms + 100))
                .map(ms -> ms * 1e6).toArray();
        meters.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(StoreMetrics.FRESHNESS)) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(bounds)
                        .expiry(Duration.ofDays(1)).bufferLength(1).build().merge(config);
            }
        });
        return meters;
    }

    /** Ingest over the site's feeds on loopback addresses, each polled every {@link #POLL}. */
    private IngestService ingest(KafkaSettings kafka, List<FeedSource> sources, MeterRegistry meters) {
        FetchSettings fetch = FetchSettings.defaults().withAllowPrivateAddresses(true);
        PolitenessSettings politeness = PolitenessSettings.defaults().withPerHostDelay(perHostDelay);
        IngestSettings settings = IngestSettings.defaults().withPoll(new PollSettings(POLL, POLL, POLL, POLL, POLL));
        return Stages.ingest(kafka, sources, fetch, politeness, settings, meters);
    }

    private static void start(String name, Runnable task) {
        Thread thread = new Thread(task, "bench-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void progress(PrintWriter err, String phase, Duration length, GrowingSite site, StoreService store)
            throws InterruptedException {
        long end = System.nanoTime() + length.toNanos();
        while (System.nanoTime() < end) {
            Thread.sleep(Math.min(5_000, Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
            err.printf("  %s: %d published, %d stored%n", phase, site.published(), store.inserted());
            err.flush();
        }
    }

    private static boolean drain(PrintWriter err, int published, StoreService store) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (store.inserted() < published) {
            if (System.nanoTime() > deadline) {
                err.printf("  only %d of %d articles were stored within 60 s of the end%n", store.inserted(), published);
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    private int report(PrintWriter out, String database, int published, long stored, boolean drained,
                       HistogramSnapshot before, HistogramSnapshot after) {
        long[] counts = window(before, after);
        CountAtBucket[] buckets = after.histogramCounts();
        long total = after.count() - before.count();
        out.printf("freshness, all-in-one (embedded broker, %s), %d feeds, %.1f articles/s, per-host delay %s:%n",
                store == null ? "SQLite" : database, feeds, rate, perHostDelay);
        out.printf("  articles published %d, stored %d%n", published, stored);
        out.printf("  measured after a %s warm-up over %s: %d rows%n", warmup, duration, total);
        List<String> lines = new ArrayList<>();
        for (double q : new double[] {0.5, 0.9, 0.99}) {
            lines.add("p" + Math.round(q * 100) + " " + quantile(counts, buckets, total, q));
        }
        out.println("  " + String.join(", ", lines) + " (to the 10 ms bucket above)");
        String p99 = quantile(counts, buckets, total, 0.99);
        boolean met = drained && total > 0 && !p99.startsWith(">")
                && bucketAt(counts, buckets, total, 0.99) < BAR.toNanos();
        out.println("  bar: p99 under " + BAR.toSeconds() + " s: " + (met ? "met" : "NOT met"));
        out.flush();
        return met ? 0 : 1;
    }

    /** The bucket counts (cumulative) of the rows recorded between the two snapshots. */
    private static long[] window(HistogramSnapshot before, HistogramSnapshot after) {
        CountAtBucket[] a = after.histogramCounts();
        CountAtBucket[] b = before.histogramCounts();
        long[] counts = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            counts[i] = (long) (a[i].count() - (i < b.length ? b[i].count() : 0));
        }
        return counts;
    }

    private static double bucketAt(long[] counts, CountAtBucket[] buckets, long total, double q) {
        long rank = (long) Math.ceil(q * total);
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] >= rank) {
                return buckets[i].bucket();
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    private static String quantile(long[] counts, CountAtBucket[] buckets, long total, double q) {
        double nanos = bucketAt(counts, buckets, total, q);
        if (Double.isInfinite(nanos)) {
            return "> 20 s";
        }
        return nanos >= 1e9 ? String.format("%.2f s", nanos / 1e9) : String.format("%.0f ms", nanos / 1e6);
    }
}
