package io.newsmon.benchmarks;

import io.newsmon.enrich.Enricher;
import io.newsmon.enrich.dedup.Duplicates;
import io.newsmon.enrich.extract.TextCensus;
import io.newsmon.enrich.extract.TextExtractor;
import io.newsmon.enrich.metadata.MetadataExtractor;
import io.newsmon.enrich.tag.TopicTagger;
import io.newsmon.enrich.tag.TopicsFile;
import io.newsmon.model.RawPage;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cost of the enrich stage against the cost of only parsing the HTML, over all {@link Pages}. One
 * operation is one pass over every page:
 * <ul>
 *   <li>{@link #parse} runs {@code Jsoup.parse(html, url)} on each page, the floor of any enrichment;</li>
 *   <li>{@link #enrich} runs {@link Enricher#enrich} on each page: parse, metadata, text extraction,
 *       language detection where the page declares none, content hash, topic tagging against the default
 *       taxonomy and the duplicate check;</li>
 *   <li>{@link #extract} and {@link #metadata} run {@link TextExtractor#extract(Document)} and
 *       {@link MetadataExtractor#extract} on each page parsed once in the setup: two shares of
 *       {@link #enrich}, without the parse ({@code TaggingBenchmark} measures the tagging share).</li>
 * </ul>
 * Each pass gets a new {@link Duplicates} (an empty fingerprint index), so every page
 * is new in every pass and the benchmark never measures the redelivery path. (The enricher builds the
 * whole article before it asks the duplicate memory, so a shared memory would not skip work either; the
 * fresh one keeps that true whatever the enricher's internals become.)
 *
 * <p>Run with {@code java -jar benchmarks/target/benchmarks.jar EnrichBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
public class EnrichBenchmark {
    /** The page set: the labelled fixtures, or the realistic pages with {@code -p set=realistic}. */
    @Param({Pages.DIRECTORY})
    public String set;
    private List<RawPage> pages;
    private TextExtractor textExtractor;
    private MetadataExtractor metadataExtractor;
    private TopicTagger tagger;
    private List<Document> documents;

    /** Loads the pages and builds the parts of the enricher that live as long as the stage. */
    @Setup(Level.Trial)
    public void setUp() {
        pages = Pages.load(set == null ? Pages.DIRECTORY : set);
        textExtractor = new TextExtractor();
        metadataExtractor = new MetadataExtractor();
        tagger = new TopicTagger(TopicsFile.bundled());
        documents = pages.stream().map(page -> Jsoup.parse(page.html(), page.url())).toList();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        tagger.close();
    }

    /** {@code Jsoup.parse(html, url)} of every page. */
    @Benchmark
    public void parse(Blackhole blackhole) {
        parseEach(blackhole::consume);
    }

    /** {@link Enricher#enrich} of every page, with a duplicate memory that has seen none of them. */
    @Benchmark
    public void enrich(Blackhole blackhole) {
        enrichEach(blackhole::consume);
    }

    /** {@link TextExtractor#extract(Document)} of every page, parsed beforehand (the extractor does not modify it). */
    @Benchmark
    public void extract(Blackhole blackhole) {
        extractEach(blackhole::consume);
    }

    /** {@link MetadataExtractor#extract} of every page, parsed beforehand. */
    @Benchmark
    public void metadata(Blackhole blackhole) {
        metadataEach(blackhole::consume);
    }

    /** {@link TextCensus#isText} of every page's HTML: the check for a binary body that runs before the parse. */
    @Benchmark
    public void census(Blackhole blackhole) {
        for (RawPage page : pages) {
            blackhole.consume(TextCensus.isText(page.html()));
        }
    }

    /** The body of {@link #extract}: hands each page's text to {@code sink}. */
    void extractEach(Consumer<Object> sink) {
        for (Document document : documents) {
            sink.accept(textExtractor.extract(document));
        }
    }

    /** The body of {@link #metadata}: hands each page's {@link io.newsmon.enrich.metadata.PageMetadata} to {@code sink}. */
    void metadataEach(Consumer<Object> sink) {
        for (int i = 0; i < documents.size(); i++) {
            sink.accept(metadataExtractor.extract(documents.get(i), pages.get(i).entry()));
        }
    }

    /** The body of {@link #parse}: hands each parsed document to {@code sink}. */
    void parseEach(Consumer<Object> sink) {
        for (RawPage page : pages) {
            sink.accept(Jsoup.parse(page.html(), page.url()));
        }
    }

    /** The body of {@link #enrich}: hands each {@link io.newsmon.enrich.EnrichResult} to {@code sink}. */
    void enrichEach(Consumer<Object> sink) {
        Enricher enricher = new Enricher(textExtractor, metadataExtractor, tagger, new Duplicates(Duplicates.DEFAULT_WINDOW));
        for (RawPage page : pages) {
            sink.accept(enricher.enrich(page));
        }
    }

    /** The pages one operation goes over. */
    List<RawPage> pages() {
        return pages;
    }
}
