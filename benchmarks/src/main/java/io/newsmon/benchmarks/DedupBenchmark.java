package io.newsmon.benchmarks;

import io.newsmon.enrich.dedup.Fingerprint;
import io.newsmon.enrich.dedup.FingerprintIndex;
import io.newsmon.enrich.dedup.Fingerprinter;
import io.newsmon.enrich.extract.TextExtractor;
import io.newsmon.model.ArticleId;
import io.newsmon.model.RawPage;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of near-duplicate detection per article by the number of remembered originals: one operation
 * fingerprints the text of one of the {@link Pages} (in turn) and looks it up in a
 * {@link FingerprintIndex} holding {@link #remembered} originals. The originals are
 * {@link #fill(FingerprintIndex, int, Instant) random fingerprints} seen over the 30 days before now, as a
 * month of real articles would be, so the index has its usual segments; the looked-up texts match none of
 * them, the common case. {@code fingerprint} alone is measured too, to show what the lookup adds.
 *
 * <p>Run with {@code java -jar benchmarks/target/benchmarks.jar DedupBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class DedupBenchmark {
    /** When the benchmark's lookups happen: the end of the month the originals were seen in. */
    static final Instant NOW = Instant.parse("2026-03-31T00:00:00Z");
    /** The duplicate window of the index. */
    static final Duration WINDOW = Duration.ofDays(30);

    /** How many originals the index remembers. */
    @Param({"10000", "1000000"})
    public int remembered;

    private FingerprintIndex index;
    private List<String> texts;
    private List<String> ids;
    private int next;

    /** Extracts the pages' texts and fills the index. */
    @Setup(Level.Trial)
    public void setUp() {
        texts = texts(Pages.load());
        ids = texts.stream().map(ArticleId::hash).toList();
        index = new FingerprintIndex(WINDOW);
        fill(index, remembered, NOW);
    }

    /** Fingerprints the next page's text and looks it up. */
    @Benchmark
    public FingerprintIndex.Candidate fingerprintAndLookUp() {
        int page = next++ % texts.size();
        return index.best(ids.get(page), Fingerprinter.of(texts.get(page)), NOW);
    }

    /** Fingerprints the next page's text only. */
    @Benchmark
    public Fingerprint fingerprint() {
        return Fingerprinter.of(texts.get(next++ % texts.size()));
    }

    /** The extracted text of each page. */
    static List<String> texts(List<RawPage> pages) {
        TextExtractor extractor = new TextExtractor();
        return pages.stream().map(page -> extractor.extract(page.html(), page.url())).toList();
    }

    /**
     * Adds {@code count} originals with random fingerprints (seed 20260301) and ids, seen at even steps over
     * the {@link #WINDOW} before {@code now}.
     */
    static void fill(FingerprintIndex index, int count, Instant now) {
        SplittableRandom random = new SplittableRandom(20260301);
        long step = WINDOW.toMillis() / count;
        Instant first = now.minus(WINDOW).plusMillis(1);
        for (int i = 0; i < count; i++) {
            long[] bands = new long[Fingerprinter.BANDS];
            for (int band = 0; band < bands.length; band++) {
                bands[band] = random.nextLong();
            }
            String id = HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextLong());
            index.add(id, new Fingerprint(bands, random.nextLong(), random.nextLong(), 300),
                    first.plusMillis(step * i));
        }
    }
}
