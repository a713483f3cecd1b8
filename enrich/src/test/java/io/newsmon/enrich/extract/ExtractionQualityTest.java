package io.newsmon.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Measures extraction against hand-labelled pages: for each {@code pages/<name>.html} the expected article
 * text is {@code pages/<name>.txt} (labelling rules in {@code pages/README.md}). As in the public
 * article-extraction benchmarks, precision is the share of extracted words that are expected and recall
 * the share of expected words that were extracted, counted as multisets of lower-cased words; F1 is
 * their harmonic mean. The bar is a mean F1 over all pages of at least 0.95, with no page below 0.8.
 */
class ExtractionQualityTest {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    static final double MEAN_F1_BAR = 0.95;
    private static final double PAGE_F1_FLOOR = 0.8;
    private static final List<Score> EXTRACTED = new ArrayList<>();
    private static final List<Score> ALL_VISIBLE_TEXT = new ArrayList<>();
    private final TextExtractor extractor = new TextExtractor();

    /** Precision and recall of one page's extraction. */
    record Score(String page, int expected, int extracted, int overlap) {
        double precision() {
            return extracted == 0 ? 0 : overlap / (double) extracted;
        }

        double recall() {
            return expected == 0 ? 1 : overlap / (double) expected;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        static Score of(String page, String expected, String extracted) {
            Map<String, Integer> want = tokens(expected);
            Map<String, Integer> got = tokens(extracted);
            int overlap = want.entrySet().stream()
                    .mapToInt(e -> Math.min(e.getValue(), got.getOrDefault(e.getKey(), 0))).sum();
            return new Score(page, total(want), total(got), overlap);
        }
    }

    static Stream<String> pages() {
        return pages("pages").stream();
    }

    /** The names of the labelled pages of {@code set} ({@code pages} or {@code realistic}), sorted. */
    static List<String> pages(String set) {
        try (Stream<Path> files = Files.list(directory(set))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".html"))
                    .map(n -> n.substring(0, n.length() - ".html".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theFixtureSetHasAtLeastThirtyLabelledPages() {
        List<String> pages = pages().toList();
        assertThat(pages).hasSizeGreaterThanOrEqualTo(30);
        for (String page : pages) {
            assertThat(Files.exists(directory("pages").resolve(page + ".txt"))).as("label %s.txt", page).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("pages")
    void extractsTheArticleText(String page) throws IOException {
        String html = resource(page + ".html");
        String expected = resource(page + ".txt").strip();
        String extracted = extractor.extract(html, "https://news.example/" + page);
        Score score = Score.of(page, expected, extracted);
        Score visible = Score.of(page, expected, Jsoup.parse(html).body().text());
        synchronized (EXTRACTED) {
            EXTRACTED.add(score);
            ALL_VISIBLE_TEXT.add(visible);
        }
        System.out.printf("extraction: %-28s precision %.3f recall %.3f F1 %.3f (%d of %d words)%n",
                page, score.precision(), score.recall(), score.f1(), score.extracted(), score.expected());

        assertThat(score.f1()).as("F1 of %s, extracted:%n%s", page, extracted).isGreaterThanOrEqualTo(PAGE_F1_FLOOR);
        assertThat(extracted).as("paragraphs of %s", page).doesNotContain("\n\n\n");
        if (expected.contains("\n\n")) {
            assertThat(extracted).as("paragraphs of %s", page).contains("\n\n");
        }
    }

    @AfterAll
    static void meanF1MeetsTheBar() {
        if (EXTRACTED.size() < pages().count()) {
            return; // a single page was run
        }
        double meanF1 = report("newsmon TextExtractor", EXTRACTED);
        report("all visible text (jsoup body().text())", ALL_VISIBLE_TEXT);
        assertThat(meanF1).as("mean F1 over %d pages", EXTRACTED.size()).isGreaterThanOrEqualTo(MEAN_F1_BAR);
    }

    private static double report(String name, List<Score> scores) {
        double precision = scores.stream().mapToDouble(Score::precision).average().orElse(0);
        double recall = scores.stream().mapToDouble(Score::recall).average().orElse(0);
        double f1 = scores.stream().mapToDouble(Score::f1).average().orElse(0);
        int overlap = scores.stream().mapToInt(Score::overlap).sum();
        int extracted = scores.stream().mapToInt(Score::extracted).sum();
        int expected = scores.stream().mapToInt(Score::expected).sum();
        double microP = overlap / (double) extracted;
        double microR = overlap / (double) expected;
        System.out.printf("extraction: %s over %d pages: mean precision %.3f, mean recall %.3f, mean F1 %.3f;"
                        + " micro precision %.3f, micro recall %.3f, micro F1 %.3f%n", name, scores.size(),
                precision, recall, f1, microP, microR, 2 * microP * microR / (microP + microR));
        return f1;
    }

    static Map<String, Integer> tokens(String text) {
        Map<String, Integer> counts = new HashMap<>();
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            counts.merge(matcher.group(), 1, Integer::sum);
        }
        return counts;
    }

    private static int total(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The folder of the labelled set {@code set}. */
    static Path directory(String set) {
        URL url = ExtractionQualityTest.class.getResource(set);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String resource(String name) throws IOException {
        return resource("pages", name);
    }

    /** The file {@code name} of the labelled set {@code set}. */
    static String resource(String set, String name) throws IOException {
        try (InputStream in = ExtractionQualityTest.class.getResourceAsStream(set + "/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource " + set + "/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
