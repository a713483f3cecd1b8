package io.newsmon.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.enrich.extract.TextCensus;
import io.newsmon.enrich.extract.TextExtractor;

import io.newsmon.enrich.EnrichResult;
import io.newsmon.enrich.dedup.Duplicates;
import io.newsmon.enrich.dedup.FingerprintIndex;
import io.newsmon.enrich.extract.TextCensus;
import io.newsmon.enrich.extract.TextExtractor;
import io.newsmon.enrich.metadata.PageMetadata;
import io.newsmon.enrich.tag.TopicDefinition;
import io.newsmon.model.RawPage;
import io.newsmon.model.TopicTag;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Runs the setup and the body of every benchmark once, untimed, and checks that they do the work they
 * claim to measure, so that a change in the enrich module cannot leave them measuring nothing.
 */
class BenchmarksTest {
    /** The fixture pages, relative to this module (surefire runs in the module directory). */
    private static final Path FIXTURES = Path.of("../enrich/src/test/resources/io/newsmon/enrich/extract/pages");

    @Test
    void everyFixturePageIsABenchmarkPage() throws IOException {
        List<String> fixtures;
        try (Stream<Path> files = Files.list(FIXTURES)) {
            fixtures = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".html"))
                    .sorted().toList();
        }

        assertThat(Pages.names()).isEqualTo(fixtures).isNotEmpty();
        assertThat(Pages.load()).hasSameSizeAs(fixtures).allSatisfy(page -> assertThat(page.html()).contains("<html"));
    }

    @Test
    void theRealisticSetIsThereAtItsRealSize() throws IOException {
        List<String> realistic;
        try (Stream<Path> files = Files.list(FIXTURES.resolveSibling("realistic"))) {
            realistic = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".html"))
                    .sorted().toList();
        }
        List<RawPage> pages = Pages.load(Pages.REALISTIC);

        assertThat(Pages.names(Pages.REALISTIC)).isEqualTo(realistic).hasSizeGreaterThanOrEqualTo(40);
        assertThat(pages.stream().mapToLong(page -> page.html().length()).average().orElse(0))
                .as("mean page size of the realistic set, in characters").isGreaterThanOrEqualTo(80_000);
    }

    @Test
    void parseBodyParsesEveryPage() {
        EnrichBenchmark benchmark = new EnrichBenchmark();
        benchmark.setUp();
        try {
            List<Object> documents = new ArrayList<>();
            benchmark.parseEach(documents::add);
            benchmark.parse(blackhole());

            assertThat(documents).hasSameSizeAs(benchmark.pages())
                    .allSatisfy(document -> assertThat(((Document) document).body().text()).isNotBlank());
        } finally {
            benchmark.tearDown();
        }
    }

    @Test
    void enrichBodyEnrichesEveryPageAsNewInEveryPass() {
        EnrichBenchmark benchmark = new EnrichBenchmark();
        benchmark.setUp();
        try {
            List<Object> first = new ArrayList<>();
            List<Object> second = new ArrayList<>();
            benchmark.enrichEach(first::add);
            benchmark.enrichEach(second::add);
            benchmark.enrich(blackhole());

            for (List<Object> pass : List.of(first, second)) {
                assertThat(pass).hasSameSizeAs(benchmark.pages()).allSatisfy(result -> {
                    assertThat(result).isInstanceOf(EnrichResult.Fresh.class);
                    assertThat(((EnrichResult.Fresh) result).article().text()).isNotBlank();
                });
                assertThat(pass).anySatisfy(result ->
                        assertThat(((EnrichResult.Fresh) result).article().topics()).isNotEmpty());
            }
        } finally {
            benchmark.tearDown();
        }
    }

    @Test
    void extractAndMetadataBodiesReadEveryPageWithoutChangingIt() {
        EnrichBenchmark benchmark = new EnrichBenchmark();
        benchmark.setUp();
        try {
            List<Object> texts = new ArrayList<>();
            List<Object> again = new ArrayList<>();
            List<Object> metadata = new ArrayList<>();
            benchmark.extractEach(texts::add);
            benchmark.extractEach(again::add);
            benchmark.metadataEach(metadata::add);
            benchmark.extract(blackhole());
            benchmark.metadata(blackhole());

            assertThat(texts).hasSameSizeAs(benchmark.pages()).isEqualTo(again)
                    .allSatisfy(text -> assertThat((String) text).isNotBlank());
            assertThat(metadata).hasSameSizeAs(benchmark.pages())
                    .allSatisfy(page -> assertThat(((PageMetadata) page).title()).isNotBlank());
        } finally {
            benchmark.tearDown();
        }
    }

    @Test
    void censusBodyFindsEveryPageText() {
        EnrichBenchmark benchmark = new EnrichBenchmark();
        benchmark.setUp();
        try {
            benchmark.census(blackhole());

            assertThat(benchmark.pages()).allSatisfy(page -> assertThat(TextCensus.isText(page.html())).isTrue());
        } finally {
            benchmark.tearDown();
        }
    }

    /** Both extractors of the comparison give text for every page, newsmon's the same as its extractor's. */
    @ParameterizedTest
    @ValueSource(strings = {Pages.DIRECTORY, Pages.REALISTIC})
    void extractorComparisonBodiesGiveEachPagesText(String set) {
        ExtractorComparisonBenchmark benchmark = new ExtractorComparisonBenchmark();
        benchmark.set = set;
        benchmark.setUp();
        List<String> newsmon = new ArrayList<>();
        List<String> readability4j = new ArrayList<>();
        benchmark.newsmonEach(newsmon::add);
        benchmark.readability4jEach(readability4j::add);
        benchmark.newsmon(blackhole());
        benchmark.readability4j(blackhole());

        TextExtractor extractor = new TextExtractor();
        assertThat(newsmon).hasSameSizeAs(benchmark.pages()).isEqualTo(benchmark.pages().stream()
                .map(page -> extractor.extract(page.html(), page.url())).toList());
        assertThat(readability4j).hasSameSizeAs(benchmark.pages())
                .filteredOn(text -> text != null && !text.isBlank()).hasSizeGreaterThan(benchmark.pages().size() * 9 / 10);
    }

    @Test
    void taggingBodyWithTheNeverMatchingQueryTagsNothing() {
        TaggingBenchmark benchmark = tagging(TaggingBenchmark.NONE);
        try {
            List<List<TopicTag>> tags = tagEach(benchmark);

            assertThat(benchmark.tagger().topics()).hasSize(1);
            assertThat(tags).hasSameSizeAs(Pages.names()).allSatisfy(page -> assertThat(page).isEmpty());
        } finally {
            benchmark.tearDown();
        }
    }

    @Test
    void taggingBodyWithTheDefaultTaxonomyTagsSomePages() {
        TaggingBenchmark benchmark = tagging(TaggingBenchmark.DEFAULT);
        try {
            List<List<TopicTag>> tags = tagEach(benchmark);

            assertThat(benchmark.tagger().topics()).hasSize(9);
            assertThat(tags).hasSameSizeAs(Pages.names()).anySatisfy(page -> assertThat(page).isNotEmpty());
            assertThat(benchmark.articles()).hasSameSizeAs(Pages.names())
                    .allSatisfy(article -> assertThat(article.text()).isNotBlank());
        } finally {
            benchmark.tearDown();
        }
    }

    @Test
    void taggingBodyWithStoredQueriesMatchesASmallShareOfThem() {
        TaggingBenchmark benchmark = tagging(TaggingBenchmark.STORED);
        try {
            List<List<TopicTag>> tags = tagEach(benchmark);

            assertThat(benchmark.tagger().topics()).hasSize(10_000);
            assertThat(tags).hasSameSizeAs(Pages.names());
            double mean = tags.stream().mapToInt(List::size).average().orElseThrow();
            long pagesWithMatches = tags.stream().filter(page -> !page.isEmpty()).count();
            // Most pages match some stored queries, each a small share of them: neither unmatchable nor all-matching.
            assertThat(pagesWithMatches).isGreaterThanOrEqualTo(tags.size() * 3L / 4);
            assertThat(mean).isBetween(20.0, 500.0);
            assertThat(tags).allSatisfy(page -> assertThat(page).hasSizeLessThan(1_000));
        } finally {
            benchmark.tearDown();
        }
    }

    @Test
    void dedupBenchmarkLooksUpEveryPageInAFullIndexAndFindsNoDuplicate() throws ReflectiveOperationException {
        DedupBenchmark benchmark = new DedupBenchmark();
        benchmark.remembered = 10_000;
        benchmark.setUp();

        FingerprintIndex index = indexOf(benchmark);
        assertThat(index.size()).as("originals in the index the benchmark looks up in").isEqualTo(10_000);
        assertThat(index.segmentCount()).as("a month's segments").isEqualTo(FingerprintIndex.SEGMENTS_PER_WINDOW);
        List<Object> candidates = new ArrayList<>();
        for (int i = 0; i < Pages.names().size(); i++) {
            candidates.add(benchmark.fingerprintAndLookUp());
            assertThat(benchmark.fingerprint()).isNotNull();
        }

        // Random originals are like no real text: the benchmark measures the common case, a new article.
        assertThat(candidates).hasSize(Pages.names().size()).allSatisfy(candidate -> assertThat(candidate == null
                || ((FingerprintIndex.Candidate) candidate).similarity() < Duplicates.NEAR_THRESHOLD).isTrue());
    }

    @Test
    void dedupFiguresMeasureAMonthOfOriginalsInSegments() {
        String line = DedupFigures.memory(10_000);

        // The heap figure varies with the JVM; the counted one is checked in FingerprintIndexTest.
        assertThat(line).contains("10,000 remembered in 16 segments").containsPattern("\\d+\\.\\d bytes each counted")
                .containsPattern("\\d+\\.\\d measured on the heap");
    }

    @Test
    void storedQueriesAreDistinctAndTheSameOnEveryRun() {
        List<TopicDefinition> queries = StoredQueries.generate(10_000);

        assertThat(StoredQueries.generate(10_000)).isEqualTo(queries);
        assertThat(new HashSet<>(queries.stream().map(TopicDefinition::query).toList())).hasSize(10_000);
        assertThat(queries.getFirst().id()).isEqualTo("q00001");
        assertThat(queries.getLast().id()).isEqualTo("q10000");
        assertThat(queries).extracting(TopicDefinition::query)
                .anySatisfy(query -> assertThat(query).startsWith("+").contains(" OR "))
                .anySatisfy(query -> assertThat(query).startsWith("title:"))
                .anySatisfy(query -> assertThat(query).contains(" -"))
                .anySatisfy(query -> assertThat(query).containsPattern("\"~\\d+$"));
    }

    @Test
    void pagesGetDistinctIdsAndAreFetchedHtml() {
        List<RawPage> pages = Pages.load();

        assertThat(pages).hasSameSizeAs(Pages.names()).isNotEmpty().extracting(RawPage::id).doesNotHaveDuplicates();
        assertThat(pages).allSatisfy(page -> {
            assertThat(page.contentType()).isEqualTo("text/html");
            assertThat(page.httpStatus()).isEqualTo(200);
        });
    }

    private static TaggingBenchmark tagging(String queries) {
        TaggingBenchmark benchmark = new TaggingBenchmark();
        benchmark.queries = queries;
        benchmark.setUp();
        benchmark.tag(blackhole());
        return benchmark;
    }

    @SuppressWarnings("unchecked")
    private static List<List<TopicTag>> tagEach(TaggingBenchmark benchmark) {
        List<List<TopicTag>> tags = new ArrayList<>();
        benchmark.tagEach(page -> tags.add((List<TopicTag>) page));
        return tags;
    }

    /** The index {@code benchmark} looks up in, which it keeps to itself (read here as JMH reads its state). */
    private static FingerprintIndex indexOf(DedupBenchmark benchmark) throws ReflectiveOperationException {
        Field index = DedupBenchmark.class.getDeclaredField("index");
        index.setAccessible(true);
        return (FingerprintIndex) index.get(benchmark);
    }

    /** A blackhole for calling a benchmark method outside JMH, as JMH's own tests make one. */
    private static Blackhole blackhole() {
        return new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    }
}
