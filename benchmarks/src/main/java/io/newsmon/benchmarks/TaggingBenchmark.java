package io.newsmon.benchmarks;

import io.newsmon.enrich.EnrichResult;
import io.newsmon.enrich.Enricher;
import io.newsmon.enrich.dedup.Duplicates;
import io.newsmon.enrich.extract.TextExtractor;
import io.newsmon.enrich.metadata.MetadataExtractor;
import io.newsmon.enrich.tag.TopicDefinition;
import io.newsmon.enrich.tag.TopicTagger;
import io.newsmon.enrich.tag.TopicsFile;
import io.newsmon.model.EnrichedArticle;
import io.newsmon.model.RawPage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cost of {@link TopicTagger#tag(String, String)} by the number of stored queries, over the title and
 * text the enricher extracts from each of the {@link Pages}. One operation tags every page once.
 *
 * <p>{@link #queries} is {@value #DEFAULT} for the bundled taxonomy ({@link TopicsFile#bundled()}, 9
 * topics), {@value #STORED} for {@link StoredQueries#generate(int) 10,000 generated stored queries}, or
 * {@value #NONE} for one query that matches no page: what Lucene's monitor costs per article before any
 * query is tried (indexing the article in memory and searching the query index), the floor of tagging.
 * The tagger is built once per trial (registering 10,000 queries takes a few seconds, not measured).
 *
 * <p>Run with {@code java -jar benchmarks/target/benchmarks.jar TaggingBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
public class TaggingBenchmark {
    /** The {@link #queries} value of the bundled taxonomy. */
    public static final String DEFAULT = "default";
    /** The {@link #queries} value of 10,000 generated stored queries. */
    public static final String STORED = "10000";
    /** The {@link #queries} value of one query that matches nothing: the monitor's cost per article. */
    public static final String NONE = "none";
    /** The query of {@value #NONE}: a word no page holds. */
    static final String NEVER_MATCHING = "zzqxnevermatches";

    /** Which queries the tagger holds: {@value #DEFAULT}, {@value #STORED} or {@value #NONE}. */
    @Param({DEFAULT, STORED, NONE})
    public String queries;

    /** The page set: the labelled fixtures, or the realistic pages with {@code -p set=realistic}. */
    @Param({Pages.DIRECTORY})
    public String set;

    private List<Article> articles;
    private TopicTagger tagger;

    /** A page's title and text as the enricher extracted them. */
    record Article(String title, String text) {
    }

    /** Extracts the articles and builds the tagger of {@link #queries}. */
    @Setup(Level.Trial)
    public void setUp() {
        articles = articles(Pages.load(set == null ? Pages.DIRECTORY : set));
        tagger = new TopicTagger(topics(queries));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        tagger.close();
    }

    /** {@link TopicTagger#tag} of every page's title and text. */
    @Benchmark
    public void tag(Blackhole blackhole) {
        tagEach(blackhole::consume);
    }

    /** The body of {@link #tag}: hands each page's list of {@link io.newsmon.model.TopicTag}s to {@code sink}. */
    void tagEach(Consumer<Object> sink) {
        for (Article article : articles) {
            sink.accept(tagger.tag(article.title(), article.text()));
        }
    }

    /** The topics of a {@link #queries} value. */
    static List<TopicDefinition> topics(String queries) {
        return switch (queries) {
            case DEFAULT -> TopicsFile.bundled();
            case STORED -> StoredQueries.generate(Integer.parseInt(STORED));
            case NONE -> List.of(new TopicDefinition(NONE, "Matches no page", NEVER_MATCHING));
            default -> throw new IllegalArgumentException("queries \"" + queries + "\" is not \"" + DEFAULT
                    + "\" (the bundled taxonomy), \"" + STORED + "\" (generated stored queries) or \"" + NONE
                    + "\" (one query that matches nothing)");
        };
    }

    /** The title and text of each page, extracted by the enricher exactly as the enrich stage does. */
    static List<Article> articles(List<RawPage> pages) {
        List<Article> articles = new ArrayList<>();
        try (TopicTagger defaults = new TopicTagger(TopicsFile.bundled())) {
            Enricher enricher = new Enricher(new TextExtractor(), new MetadataExtractor(), defaults,
                    new Duplicates(Duplicates.DEFAULT_WINDOW));
            for (RawPage page : pages) {
                EnrichedArticle article = switch (enricher.enrich(page)) {
                    case EnrichResult.Fresh fresh -> fresh.article();
                    case EnrichResult.Duplicate duplicate -> duplicate.article();
                    case EnrichResult.AlreadySeen seen -> throw new IllegalStateException(
                            "benchmark page " + page.url() + " has the id of an earlier page");
                    case EnrichResult.Rejected rejected -> throw new IllegalStateException(
                            "benchmark page " + page.url() + " was rejected: " + rejected.reason());
                };
                articles.add(new Article(article.title(), article.text()));
            }
        }
        return List.copyOf(articles);
    }

    /** The articles one operation tags. */
    List<Article> articles() {
        return articles;
    }

    /** The tagger of {@link #queries}. */
    TopicTagger tagger() {
        return tagger;
    }
}
