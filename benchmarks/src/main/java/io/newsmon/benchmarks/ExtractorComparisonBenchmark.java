package io.newsmon.benchmarks;

import io.newsmon.enrich.extract.TextExtractor;
import io.newsmon.model.RawPage;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * What {@code newsmon extract} does with each page (parse it, extract its text) next to readability4j, the
 * Java port of Mozilla's Readability, on the same pages in one run: the fixtures, or the realistic pages with
 * {@code -p set=realistic}. Both parse with the same jsoup.
 *
 * <p>Run with {@code java -jar benchmarks/target/benchmarks.jar ExtractorComparisonBenchmark -p set=realistic};
 * {@link EnrichFigures} runs it with the rest and prints the ratio.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
public class ExtractorComparisonBenchmark {
    /** The page set: the labelled fixtures, or the realistic pages with {@code -p set=realistic}. */
    @Param({Pages.DIRECTORY})
    public String set;
    private List<RawPage> pages;
    private TextExtractor extractor;

    @Setup(Level.Trial)
    public void setUp() {
        pages = Pages.load(set == null ? Pages.DIRECTORY : set);
        extractor = new TextExtractor();
    }

    /** {@code newsmon extract}'s work per page: {@code Jsoup.parse} and {@link TextExtractor#extract}. */
    @Benchmark
    public void newsmon(Blackhole blackhole) {
        newsmonEach(blackhole::consume);
    }

    /** readability4j's work per page: {@code new Readability4J(url, html).parse()} and the article's text. */
    @Benchmark
    public void readability4j(Blackhole blackhole) {
        readability4jEach(blackhole::consume);
    }

    /** The body of {@link #newsmon}: hands each page's text to {@code sink}. */
    void newsmonEach(Consumer<String> sink) {
        for (RawPage page : pages) {
            sink.accept(extractor.extract(Jsoup.parse(page.html(), page.url())));
        }
    }

    /** The body of {@link #readability4j}: hands each page's text to {@code sink}. */
    void readability4jEach(Consumer<String> sink) {
        for (RawPage page : pages) {
            sink.accept(new Readability4J(page.url(), page.html()).parse().getTextContent());
        }
    }

    /** The pages one operation goes over. */
    List<RawPage> pages() {
        return pages;
    }
}
