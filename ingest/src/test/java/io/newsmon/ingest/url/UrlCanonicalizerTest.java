package io.newsmon.ingest.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmon.model.ArticleId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class UrlCanonicalizerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvFileSource(resources = "canonical-urls.csv", numLinesToSkip = 1)
    void canonicalizesAsTheTableSays(String input, String canonical) {
        assertThat(UrlCanonicalizer.canonicalize(input)).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvFileSource(resources = "invalid-urls.csv", numLinesToSkip = 1, ignoreLeadingAndTrailingWhitespace = false)
    void refusesWhatIsNotAnAbsoluteHttpUrlNamingTheValue(String input, String rule) {
        assertThatThrownBy(() -> UrlCanonicalizer.canonicalize(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + input + "\"")
                .hasMessageContaining(rule);
    }

    @ParameterizedTest(name = "{1}")
    @CsvFileSource(resources = "canonical-urls.csv", numLinesToSkip = 1)
    void isIdempotent(String input, String canonical) {
        assertThat(UrlCanonicalizer.canonicalize(canonical)).isEqualTo(canonical);
    }

    @Test
    void givesOneArticleIdToTheSpellingsOfOneArticle() {
        String plain = "https://news.example.com/2024/05/huawei-export-licences.html";
        String tracked = "HTTPS://News.Example.com:443/2024/05/./huawei-export-licences.html?utm_source=rss#top";

        assertThat(ArticleId.of(UrlCanonicalizer.canonicalize(tracked)))
                .isEqualTo(ArticleId.of(UrlCanonicalizer.canonicalize(plain)));
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> UrlCanonicalizer.canonicalize(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"null\"");
    }

    @Test
    void recognisesTrackingParametersIgnoringCase() {
        assertThat(UrlCanonicalizer.isTrackingParameter("utm_content")).isTrue();
        assertThat(UrlCanonicalizer.isTrackingParameter("FBCLID")).isTrue();
        assertThat(UrlCanonicalizer.isTrackingParameter("id")).isFalse();
        assertThat(UrlCanonicalizer.isTrackingParameter("utmost")).isFalse();
    }
}
