package io.newsmon.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Measures extraction against hand-made expectations: for each page under {@code pages/}, the expected
 * text is {@code <page>.txt}. Token precision is the share of extracted words that are expected, recall
 * the share of expected words that were extracted (as multisets of lower-cased words).
 */
class ExtractionQualityTest {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private final TextExtractor extractor = new TextExtractor();

    @ParameterizedTest
    @ValueSource(strings = {"semantic-article", "div-soup", "table-layout", "amp-page", "live-blog", "comment-thread",
            "short-article", "cookie-newsletter", "article-body-microdata", "sections-main", "hashed-classes"})
    void extractsTheArticleTextWithHighTokenPrecisionAndRecall(String page) throws IOException {
        String expected = resource(page + ".txt").strip();
        String extracted = extractor.extract(resource(page + ".html"), "https://news.example/" + page);

        Map<String, Integer> want = tokens(expected);
        Map<String, Integer> got = tokens(extracted);
        int overlap = want.entrySet().stream().mapToInt(e -> Math.min(e.getValue(), got.getOrDefault(e.getKey(), 0))).sum();
        double precision = got.isEmpty() ? 0 : overlap / (double) total(got);
        double recall = overlap / (double) total(want);
        System.out.printf("extraction: %-24s precision %.3f recall %.3f (%d of %d words)%n",
                page, precision, recall, total(got), total(want));

        assertThat(precision).as("token precision of %s, extracted:%n%s", page, extracted).isGreaterThanOrEqualTo(0.9);
        assertThat(recall).as("token recall of %s, extracted:%n%s", page, extracted).isGreaterThanOrEqualTo(0.9);
        assertThat(extracted).as("paragraphs of %s", page).contains("\n\n").doesNotContain("\n\n\n");
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

    static String resource(String name) throws IOException {
        try (InputStream in = ExtractionQualityTest.class.getResourceAsStream("pages/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource pages/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
