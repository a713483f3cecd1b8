package io.newsmon.model.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmon.model.ArticleId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlNormalizerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvFileSource(resources = "normal-urls.csv", numLinesToSkip = 1)
    void normalizesAsTheTableSays(String input, String normal) {
        assertThat(UrlNormalizer.normalize(input)).isEqualTo(normal);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvFileSource(resources = "invalid-urls.csv", numLinesToSkip = 1, ignoreLeadingAndTrailingWhitespace = false)
    void refusesWhatIsNotAnAbsoluteHttpUrlNamingTheValue(String input, String rule) {
        assertThatThrownBy(() -> UrlNormalizer.normalize(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + input + "\"")
                .hasMessageContaining(rule);
    }

    @ParameterizedTest(name = "{1}")
    @CsvFileSource(resources = "normal-urls.csv", numLinesToSkip = 1)
    void isIdempotent(String input, String normal) {
        assertThat(UrlNormalizer.normalize(normal)).isEqualTo(normal);
    }

    @Test
    void givesOneArticleIdToTheSpellingsOfOneArticle() {
        String plain = "https://news.example.com/2024/05/huawei-export-licences.html";
        String tracked = "HTTPS://News.Example.com:443/2024/05/./huawei-export-licences.html?utm_source=rss#top";

        assertThat(ArticleId.of(UrlNormalizer.normalize(tracked)))
                .isEqualTo(ArticleId.of(UrlNormalizer.normalize(plain)));
    }

    @Test
    void givesOneCanonicalUrlToTheDesktopMobileAndAmpEditionsOfOneArticle() {
        List<String> editions = List.of(
                "https://example.com/news/story.html",
                "https://www.example.com/news/story.html",
                "https://m.example.com/news/story.html",
                "https://mobile.example.com/news/story.html",
                "https://amp.example.com/news/story.html",
                "https://example.com/amp/news/story.html",
                "https://example.com/news/story.html/amp",
                "https://example.com/news/story.html/amp/",
                "https://example.com/news/story.amp.html",
                "https://example.com/news/story.html/",
                "https://example.com/news/story.html?amp",
                "https://example.com/news/story.html?amp=1",
                "https://example.com/news/story.html?amp=true",
                "https://example.com/news/story.html?outputType=amp",
                "https://example.com/news/story.html?_amp=true");

        assertThat(editions).map(UrlNormalizer::normalize).containsOnly("https://example.com/news/story.html");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://amp.example/news/story",
            "https://m.example/x",
            "https://mobile.example/x",
            "https://www.example/x",
            "https://www2.example.com/x",
            "https://example.com/amplifier/news",
            "https://example.com/news/camp",
            "https://example.com/news/amp/story",
            "https://example.com/a?ampersand=1",
            "https://example.com/damp.html",
            "https://example.com/"})
    void keepsUrlsThatOnlyLookLikeOtherEditions(String url) {
        assertThat(UrlNormalizer.normalize(url)).isEqualTo(url);
    }

    @Test
    void keepsHttpAndHttpsApart() {
        assertThat(UrlNormalizer.normalize("http://www.example.com/a/"))
                .isEqualTo("http://example.com/a")
                .isNotEqualTo(UrlNormalizer.normalize("https://www.example.com/a/"));
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> UrlNormalizer.normalize(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"null\"");
    }

    @Test
    void recognisesTrackingParametersIgnoringCase() {
        assertThat(UrlNormalizer.isTrackingParameter("utm_content")).isTrue();
        assertThat(UrlNormalizer.isTrackingParameter("FBCLID")).isTrue();
        assertThat(UrlNormalizer.isTrackingParameter("id")).isFalse();
        assertThat(UrlNormalizer.isTrackingParameter("utmost")).isFalse();
    }
}
