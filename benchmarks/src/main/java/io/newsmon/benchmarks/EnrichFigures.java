package io.newsmon.benchmarks;

import io.newsmon.enrich.tag.TopicDefinition;
import io.newsmon.enrich.tag.TopicTagger;
import io.newsmon.model.RawPage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link EnrichBenchmark}, {@link TaggingBenchmark} and {@link ExtractorComparisonBenchmark} with JMH
 * and prints the figures we report and whether they meet their bars:
 * <pre>
 * enrichment throughput is 0.42 of a bare jsoup parse (bar: at least 0.4): met
 * tagging against 10,000 queries is 3.1x slower than against the default taxonomy (bar: at most 5x): met
 * newsmon extract is 3.4x as fast as readability4j on the same pages (bar: faster): met
 * </pre>
 * The bars are meant for the realistic pages ({@code -p set=realistic}, 80 to 300 KB each).
 * Before the benchmarks it tags every page against the 10,000 stored queries once and prints how many
 * match each page, and after them the shares of enrichment (extraction, metadata, the monitor's cost
 * with a query that never matches) with what the enrichment bar leaves for them. The benchmark runs
 * use one fork each, {@value #WARMUP_ITERATIONS} warmup and {@value #MEASUREMENT_ITERATIONS} measurement
 * iterations of {@value #ITERATION_SECONDS} s, about eight minutes in all; JMH options given as arguments ({@code -prof gc}, {@code -wi 5}, {@code -f 2}, ...) are
 * passed on and win over these. The exit status is 0 whether or not the bars are met.
 *
 * <p>Example: {@code java -cp benchmarks/target/benchmarks.jar io.newsmon.benchmarks.EnrichFigures -prof gc}.
 */
public final class EnrichFigures {
    /** Enrichment must reach at least this share of a bare parse's throughput, on the realistic pages. */
    public static final double ENRICH_BAR = 0.4;
    /** Tagging against the stored queries may be at most this many times slower than the default taxonomy. */
    public static final double TAGGING_BAR = 5.0;
    static final int WARMUP_ITERATIONS = 5;
    static final int MEASUREMENT_ITERATIONS = 5;
    static final int ITERATION_SECONDS = 5;

    private EnrichFigures() {
    }

    public static void main(String[] args) throws RunnerException {
        CommandLineOptions cli;
        try {
            cli = new CommandLineOptions(args);
        } catch (CommandLineOptionException e) {
            System.err.println("EnrichFigures: " + e.getMessage() + " (arguments are JMH's options, see -h of "
                    + "java -jar benchmarks.jar)");
            System.exit(2);
            return;
        }
        String set = cli.getParameter("set").hasValue()
                ? String.join(",", cli.getParameter("set").get()) : Pages.DIRECTORY;
        List<RawPage> pages = Pages.load(set);
        long bytes = pages.stream().mapToLong(page -> page.html().length()).sum();
        System.out.printf(Locale.ROOT, "pages: %d pages of set %s, %,d characters of HTML (mean %,d)%n", pages.size(),
                set, bytes, bytes / pages.size());
        QueryMatches matches = QueryMatches.of(TaggingBenchmark.articles(pages), pages,
                StoredQueries.generate(Integer.parseInt(TaggingBenchmark.STORED)));
        System.out.println(matches.describe());

        ChainedOptionsBuilder options = new OptionsBuilder().parent(cli)
                .include(EnrichBenchmark.class.getName() + "\\.")
                .include(TaggingBenchmark.class.getName() + "\\.")
                .include(ExtractorComparisonBenchmark.class.getName() + "\\.");
        if (!cli.getForkCount().hasValue()) {
            options.forks(1);
        }
        if (!cli.getWarmupIterations().hasValue()) {
            options.warmupIterations(WARMUP_ITERATIONS);
        }
        if (!cli.getWarmupTime().hasValue()) {
            options.warmupTime(TimeValue.seconds(ITERATION_SECONDS));
        }
        if (!cli.getMeasurementIterations().hasValue()) {
            options.measurementIterations(MEASUREMENT_ITERATIONS);
        }
        if (!cli.getMeasurementTime().hasValue()) {
            options.measurementTime(TimeValue.seconds(ITERATION_SECONDS));
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        System.out.println();
        System.out.println(report(results, pages.size(), matches));
    }

    /** The figures and the verdicts of {@code results}, for {@code pageCount} pages per operation. */
    static String report(Collection<RunResult> results, int pageCount, QueryMatches matches) {
        Map<String, Result<?>> byLabel = new LinkedHashMap<>();
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            String queries = result.getParams().getParam("queries");
            byLabel.put(queries == null ? method : method + ":" + queries, result.getPrimaryResult());
        }
        Result<?> parse = require(byLabel, "parse");
        Result<?> enrich = require(byLabel, "enrich");
        Result<?> tagDefault = require(byLabel, "tag:" + TaggingBenchmark.DEFAULT);
        Result<?> tagStored = require(byLabel, "tag:" + TaggingBenchmark.STORED);
        Result<?> newsmonExtract = require(byLabel, "newsmon");
        Result<?> readability4j = require(byLabel, "readability4j");
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "figures (one operation = one pass over %d pages):%n", pageCount));
        out.append(line("bare jsoup parse", parse, pageCount));
        out.append(line("full enrichment", enrich, pageCount));
        out.append(line("tagging, default taxonomy", tagDefault, pageCount));
        out.append(line("tagging, 10,000 stored queries", tagStored, pageCount));
        out.append(line("newsmon extract (parse + text)", newsmonExtract, pageCount));
        out.append(line("readability4j (parse + text)", readability4j, pageCount));
        Result<?> extract = byLabel.get("extract");
        Result<?> metadata = byLabel.get("metadata");
        Result<?> tagNone = byLabel.get("tag:" + TaggingBenchmark.NONE);
        if (extract != null && metadata != null && tagNone != null) {
            out.append("shares of enrichment, each without the parse:").append(System.lineSeparator());
            out.append(line("text extraction", extract, pageCount));
            out.append(line("metadata", metadata, pageCount));
            out.append(line("tagging, one never-matching query", tagNone, pageCount));
            out.append(budget(parse, tagDefault, tagNone, pageCount));
        }
        out.append(System.lineSeparator()).append(matches.summary()).append(System.lineSeparator());
        double enrichRatio = enrich.getScore() / parse.getScore();
        double taggingRatio = tagDefault.getScore() / tagStored.getScore();
        out.append(String.format(Locale.ROOT, "enrichment throughput is %.2f of a bare jsoup parse (bar: at least %s): %s%n",
                enrichRatio, trim(ENRICH_BAR), enrichRatio >= ENRICH_BAR ? "met"
                        : String.format(Locale.ROOT, "MISSED by %.0f%%", 100 * (1 - enrichRatio / ENRICH_BAR))));
        out.append(String.format(Locale.ROOT, "tagging against 10,000 queries is %.1fx slower than against the default"
                        + " taxonomy (bar: at most %sx): %s%n", taggingRatio, trim(TAGGING_BAR),
                taggingRatio <= TAGGING_BAR ? "met"
                        : String.format(Locale.ROOT, "MISSED by %.0f%%", 100 * (taggingRatio / TAGGING_BAR - 1))));
        double extractRatio = newsmonExtract.getScore() / readability4j.getScore();
        out.append(String.format(Locale.ROOT, "newsmon extract is %.1fx as fast as readability4j on the same pages"
                + " (bar: faster): %s%n", extractRatio, extractRatio > 1 ? "met" : "MISSED"));
        return out.toString();
    }

    /**
     * What the enrichment bar leaves for the work after the parse, next to what tagging alone costs: with
     * a bar of 0.4, everything after the parse may take one and a half times as long as the parse itself.
     */
    private static String budget(Result<?> parse, Result<?> tagDefault, Result<?> tagNone, int pageCount) {
        double parseMicros = micros(parse, pageCount);
        double allowed = parseMicros * (1 / ENRICH_BAR - 1);
        return String.format(Locale.ROOT, "the bar leaves %,.1f µs per page for everything after the parse; tagging"
                        + " with the default taxonomy alone takes %,.1f µs (%.0f%% of it), and Lucene's monitor takes"
                        + " %,.1f µs (%.0f%%) before it tries any query%n", allowed, micros(tagDefault, pageCount),
                100 * micros(tagDefault, pageCount) / allowed, micros(tagNone, pageCount),
                100 * micros(tagNone, pageCount) / allowed);
    }

    private static double micros(Result<?> result, int pageCount) {
        return 1e6 / (result.getScore() * pageCount);
    }

    private static Result<?> require(Map<String, Result<?>> byLabel, String label) {
        Result<?> result = byLabel.get(label);
        if (result == null) {
            throw new IllegalStateException("JMH gave no result for " + label + " (results: " + byLabel.keySet()
                    + "): was it excluded or did it fail?");
        }
        return result;
    }

    private static String line(String what, Result<?> result, int pageCount) {
        double perPageMicros = micros(result, pageCount);
        return String.format(Locale.ROOT, "  %-31s %10.1f ± %.1f passes/s  = %,9.1f µs per page%n",
                what, result.getScore(), Double.isNaN(result.getScoreError()) ? 0 : result.getScoreError(),
                perPageMicros);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /**
     * How many stored queries match each page.
     *
     * @param queries the number of queries
     * @param byPage  the matching queries per page name, in page order
     */
    record QueryMatches(int queries, Map<String, Integer> byPage) {
        static QueryMatches of(List<TaggingBenchmark.Article> articles, List<RawPage> pages,
                               List<TopicDefinition> topics) {
            Map<String, Integer> byPage = new LinkedHashMap<>();
            try (TopicTagger tagger = new TopicTagger(topics)) {
                for (int i = 0; i < articles.size(); i++) {
                    String url = pages.get(i).url();
                    byPage.put(url.substring(url.lastIndexOf('/') + 1).replace(".html", ""),
                            tagger.tag(articles.get(i).title(), articles.get(i).text()).size());
                }
            }
            return new QueryMatches(topics.size(), byPage);
        }

        double mean() {
            return byPage.values().stream().mapToInt(Integer::intValue).average().orElse(0);
        }

        String summary() {
            List<Integer> counts = new ArrayList<>(byPage.values());
            return String.format(Locale.ROOT, "stored queries: %,d generated (seed %d); %.1f match a page on average"
                            + " (%.2f%%), from %d to %d", queries, StoredQueries.SEED, mean(), 100 * mean() / queries,
                    counts.stream().mapToInt(Integer::intValue).min().orElse(0),
                    counts.stream().mapToInt(Integer::intValue).max().orElse(0));
        }

        String describe() {
            return summary() + System.lineSeparator() + "  per page: " + byPage.entrySet().stream()
                    .map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining(", "));
        }
    }
}
