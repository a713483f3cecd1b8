package io.newsmon.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.model.ArticleId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ContentHashTest {
    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            Huawei, again!                   | huawei again
            '  Huawei\t\n\n  AGAIN  '         | huawei again
            "Huawei" — “again”…              | huawei again
            ＨＵＡＷＥＩ ａｇａｉｎ            | huawei again
            ﬁve licences: 90-day extension   | five licences 90 day extension
            $8.5 billion + 46 affiliates     | 8 5 billion 46 affiliates
            """)
    void normalisesCaseCompatibilityFormsPunctuationAndWhitespace(String text, String expected) {
        assertThat(ContentHash.normalise(text)).isEqualTo(expected);
    }

    @Test
    void hashesTheNormalisedTextWithArticleIdHash() {
        assertThat(ContentHash.of("Huawei, again!")).isEqualTo(ArticleId.hash("huawei again")).hasSize(32);
        assertThat(ContentHash.of("Huawei, again!")).isEqualTo(ContentHash.of("HUAWEI\n\nagain"));
        assertThat(ContentHash.of("Huawei, again!")).isNotEqualTo(ContentHash.of("Huawei, once more!"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n\n", "…!?", " — "})
    void textWithoutWordsHasNoHash(String text) {
        assertThat(ContentHash.of(text)).isNull();
    }

    @Test
    void normalisesEveryFixturePageAsTheRegularExpressionDefinitionDoes() throws Exception {
        java.util.regex.Pattern separators = java.util.regex.Pattern.compile("[\\p{P}\\p{S}\\p{Z}\\s\\p{Cc}\\p{Cf}]+");
        java.util.List<String> texts = new java.util.ArrayList<>(java.util.List.of("İstanbul’s “quote” — 5G…",
                "Ｆｕｌｌ－ｗｉｄｔｈ　ＨＵＡＷＥＩ", "tab\tand\u00a0nbsp\u200bzero width", "emoji 😀 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢"));
        for (var pair : DuplicateCorpusTest.pairs()) {
            texts.add(pair.textA());
            texts.add(pair.textB());
        }

        for (String text : texts) {
            String folded = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC)
                    .toLowerCase(java.util.Locale.ROOT);
            assertThat(ContentHash.normalise(text)).isEqualTo(separators.matcher(folded).replaceAll(" ").strip());
        }
    }
}
